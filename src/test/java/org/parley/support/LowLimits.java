package org.parley.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Parley whose limits are reached after a few acts, so that tests reach them quickly; the classes that use it
 * share one application (and so its counts: each test acts as people and from addresses of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parley.limits.sign-in-failures-per-account=3/15m",
            "parley.limits.sign-in-failures-per-address=8/15m",
            "parley.limits.registrations-per-address=2/1h",
            "parley.limits.friend-requests-per-person=2/1h",
            "parley.limits.friend-request-after-decline=1d",
            "parley.limits.groups-per-person=2/1h",
            "parley.limits.messages-per-person=3/10s"
        })
public @interface LowLimits {}
