package org.parley.chat.service;

/** How a group conversation is shown: its name and picture ({@code avatarUrl} null: initials). */
public record ConversationLook(String title, String avatarUrl) {}
