package org.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Guards the MariaDB run of CI: when it asks for MariaDB (PARLEY_EXPECT_DATABASE=mariadb), the suite
 * must really be talking to MariaDB, not quietly to the embedded H2.
 */
@SpringBootTest
class DatabaseInUseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void the_suite_runs_on_the_database_ci_asked_for() throws Exception {
        String expected = System.getenv().getOrDefault("PARLEY_EXPECT_DATABASE", "h2");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            assertThat(product).contains(expected.equals("mariadb") ? "mariadb" : "h2");
        }
    }
}
