package org.parley.base.service;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every limit on how often someone may act, in one place, set by the {@code parley.limits.*} properties (README,
 * "Security"). Each is used by the service method that does the act; this class only holds them. On several nodes
 * all but the message limit are counted by the nodes together ({@link SharedBuckets}): a guesser or spammer whose
 * requests land on different nodes gets one allowance. Messages stay per node: they are the hot path, and a
 * person's pages stay on their node.
 */
@Component
public class RateLimits {

    private final RateLimit signInFailuresPerAccount;
    private final RateLimit signInFailuresPerAddress;
    private final RateLimit registrationsPerAddress;
    private final RateLimit friendRequestsPerPerson;
    private final RateLimit groupsPerPerson;
    private final RateLimit messagesPerPerson;

    RateLimits(
            @Value("${parley.limits.sign-in-failures-per-account:10/15m}") String signInPerAccount,
            @Value("${parley.limits.sign-in-failures-per-address:50/15m}") String signInPerAddress,
            @Value("${parley.limits.registrations-per-address:10/1h}") String registrations,
            @Value("${parley.limits.friend-requests-per-person:30/1h}") String friendRequests,
            @Value("${parley.limits.groups-per-person:10/1h}") String groups,
            @Value("${parley.limits.messages-per-person:30/10s}") String messages,
            ObjectProvider<SharedBuckets> sharedBuckets) {
        SharedBuckets shared = sharedBuckets.getIfAvailable();
        signInFailuresPerAccount =
                limit("sign-in-account", "base.limit.sign-in", RateLimit.Spec.parse(signInPerAccount), shared);
        signInFailuresPerAddress =
                limit("sign-in-address", "base.limit.sign-in", RateLimit.Spec.parse(signInPerAddress), shared);
        registrationsPerAddress =
                limit("registrations", "base.limit.registrations", RateLimit.Spec.parse(registrations), shared);
        friendRequestsPerPerson =
                limit("friend-requests", "base.limit.friend-requests", RateLimit.Spec.parse(friendRequests), shared);
        groupsPerPerson = limit("groups", "base.limit.groups", RateLimit.Spec.parse(groups), shared);
        messagesPerPerson = new RateLimit("base.limit.messages", RateLimit.Spec.parse(messages));
    }

    private static RateLimit limit(String name, String refusal, RateLimit.Spec spec, SharedBuckets shared) {
        return shared == null ? new RateLimit(refusal, spec) : new RateLimit(name, refusal, spec, shared);
    }

    /** Wrong passwords for one user name (its lower-cased key), from anywhere. */
    public RateLimit signInFailuresPerAccount() {
        return signInFailuresPerAccount;
    }

    /** Wrong passwords from one address, for any user name. */
    public RateLimit signInFailuresPerAddress() {
        return signInFailuresPerAddress;
    }

    public RateLimit registrationsPerAddress() {
        return registrationsPerAddress;
    }

    public RateLimit friendRequestsPerPerson() {
        return friendRequestsPerPerson;
    }

    public RateLimit groupsPerPerson() {
        return groupsPerPerson;
    }

    /** Messages and files sent, by the sender's id. */
    public RateLimit messagesPerPerson() {
        return messagesPerPerson;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void forgetFullBuckets() {
        List.of(
                        signInFailuresPerAccount,
                        signInFailuresPerAddress,
                        registrationsPerAddress,
                        friendRequestsPerPerson,
                        groupsPerPerson,
                        messagesPerPerson)
                .forEach(RateLimit::forgetFullBuckets);
    }
}
