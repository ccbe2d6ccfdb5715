package org.parley.base.service;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chores of the whole installation ({@code @SchedulerLock} beside {@code @Scheduled}) run on one node at a time:
 * ShedLock keeps a row per chore in the {@code shedlock} table, held until the chore ends (and at least a minute,
 * so a node whose clock is a little ahead does not run it again at once). Times are the database's, not each
 * node's. Chores that look after one node's own memory (rate-limit buckets, batched read markers) are not locked.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ChoresConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
