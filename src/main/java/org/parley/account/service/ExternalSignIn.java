package org.parley.account.service;

/**
 * A person as the company's identity provider or directory vouched for them, after it checked who they are:
 * {@code issuer} names the provider, {@code subject} is its lasting id for the person; the rest are suggestions for
 * a new account (any may be null).
 */
public record ExternalSignIn(
        String issuer, String subject, String preferredUsername, String displayName, String email) {}
