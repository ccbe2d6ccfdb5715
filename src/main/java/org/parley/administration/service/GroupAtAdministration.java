package org.parley.administration.service;

import java.io.Serializable;

/** A group as server administrators see it: its size and the storage its files and pictures use. */
public record GroupAtAdministration(long id, String name, int memberCount, long storageBytes) implements Serializable {}
