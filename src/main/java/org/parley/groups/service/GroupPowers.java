package org.parley.groups.service;

/**
 * What the caller may do with a group as a whole: administer it (settings, requests, bans, log, adding people),
 * leave it (not its owner, who must hand it over first), delete it (its owner only).
 */
public record GroupPowers(boolean administer, boolean leave, boolean delete) {}
