package org.parley.chat.service;

import java.time.Instant;

/** Why someone may not write now, and when that ends by itself ({@code until} null: not by itself). */
public record SendRestriction(String reason, Instant until) {}
