package org.parley.administration.service;

import java.io.Serializable;
import org.parley.account.service.UserSummary;

/** A person as server administrators see them: their account's state, the storage they use, what may be done. */
public record PersonAtAdministration(
        UserSummary person, boolean disabled, boolean administrator, long storageBytes, PersonPowers powers)
        implements Serializable {}
