package org.parley.administration.service;

import java.io.Serializable;
import java.time.Instant;
import org.parley.base.service.Phrase;

/** One act in the administrators' log, said as words in the reader's language ({@code administration.log.*}). */
public record AdministrationLogLine(Instant at, String administrator, Phrase act) implements Serializable {}
