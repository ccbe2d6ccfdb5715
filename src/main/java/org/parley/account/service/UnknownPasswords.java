package org.parley.account.service;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The hash of a password nobody knows: for accounts that sign in elsewhere, and for deleted ones. */
final class UnknownPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UnknownPasswords() {}

    static String hash(PasswordEncoder encoder) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return encoder.encode(Base64.getEncoder().encodeToString(secret));
    }
}
