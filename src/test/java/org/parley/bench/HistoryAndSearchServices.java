package org.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.Application;
import org.parley.base.service.SignedInUser;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Parley's own services inside the benchmark JVM, on the benchmark database, without a web server: what the history
 * and search benchmarks time, with nothing of Vaadin or HTTP in between. The production server keeps running beside
 * it on the same database; the benchmarks only read through it. (Parley's hourly clean-up of abandoned uploads is
 * scheduled here too; it finds nothing in a benchmark database.)
 */
final class HistoryAndSearchServices implements AutoCloseable {

    private static final List<String> PLAN_COLUMNS = List.of("table", "type", "key", "rows", "r_rows", "Extra");

    private final ConfigurableApplicationContext spring;

    HistoryAndSearchServices() {
        spring = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                // Parley's filter chain is built by Vaadin's configurer, which needs a web application context;
                // without a web server no request would pass through it anyway.
                .initializers(context -> context.addBeanFactoryPostProcessor(
                        beans -> ((BeanDefinitionRegistry) beans).removeBeanDefinition("securityFilterChain")))
                // Command-line arguments, not default properties: they must win over the tests' H2 settings in
                // test-classes/config/application.properties, which is on the benchmark's class path.
                .run(
                        "--spring.datasource.url=" + BenchDatabase.url(),
                        "--spring.datasource.username=" + BenchDatabase.user(),
                        "--spring.datasource.password=" + BenchDatabase.password(),
                        // The server migrated the schema when it started.
                        "--spring.flyway.enabled=false",
                        // Vaadin's servlet and security wiring needs a web application context and is not used here.
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
    }

    <T> T bean(Class<T> type) {
        return spring.getBean(type);
    }

    /** Runs {@code action} as the given person, the way a signed-in view calls a service. */
    static <T> T as(Seeder.Person person, Callable<T> action) throws Exception {
        SignedInUser principal = new SignedInUser(person.id(), person.username(), "n/a");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * MariaDB's ANALYZE of a query the services send (it runs the query): per table, the access type and index it
     * chose, the rows it expected to read and those it did read ({@code r_rows}).
     */
    static String plan(String sql, Object... parameters) throws SQLException {
        try (Connection db = BenchDatabase.connect();
                PreparedStatement analyze = db.prepareStatement("analyze " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                analyze.setObject(i + 1, parameters[i]);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet plan = analyze.executeQuery()) {
                ResultSetMetaData columns = plan.getMetaData();
                while (plan.next()) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        if (PLAN_COLUMNS.contains(columns.getColumnLabel(i))) {
                            parts.add(columns.getColumnLabel(i) + "=" + plan.getString(i));
                        }
                    }
                    tables.add(String.join(", ", parts));
                }
            }
            return String.join("; ", tables);
        }
    }

    @Override
    public void close() {
        spring.close();
    }
}
