package org.parley.chat.service;

import java.time.Instant;
import org.parley.base.service.Phrase;

/** Why someone may not write now, and when that ends by itself ({@code until} null: not by itself). */
public record SendRestriction(Phrase reason, Instant until) {}
