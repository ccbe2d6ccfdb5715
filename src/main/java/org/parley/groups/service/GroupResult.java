package org.parley.groups.service;

/** A search hit: the group and where the caller stands with it; {@code requestId} set while pending. */
public record GroupResult(GroupSummary group, Standing standing, Long requestId) {}
