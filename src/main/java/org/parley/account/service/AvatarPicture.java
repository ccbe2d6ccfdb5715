package org.parley.account.service;

/** A stored avatar picture, ready to serve. */
public record AvatarPicture(String contentType, byte[] data) {
}
