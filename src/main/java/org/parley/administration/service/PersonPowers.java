package org.parley.administration.service;

import java.io.Serializable;

/** What the calling server administrator may do to one person now (AdministrationService's rules). */
public record PersonPowers(
        boolean mayDisable,
        boolean mayEnable,
        boolean mayResetPassword,
        boolean mayMakeAdministrator,
        boolean mayUnmakeAdministrator)
        implements Serializable {}
