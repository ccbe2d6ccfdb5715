package org.parley.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points the JVM-wide security context holder at the strategy of the Spring context a test runs in. Vaadin
 * installs its own strategy globally each time a context starts; with several cached contexts in one test
 * JVM, a web server started earlier would otherwise put the signed-in user where the code no longer looks
 * (a browser-less test's context starting in between made downloads answer 403). Registered in
 * META-INF/spring.factories, so it applies to every Spring test.
 */
public class OwnSecurityContextStrategy implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        use(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        use(testContext);
    }

    private static void use(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
