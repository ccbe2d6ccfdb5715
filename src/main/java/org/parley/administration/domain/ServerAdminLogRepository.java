package org.parley.administration.domain;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServerAdminLogRepository extends JpaRepository<ServerAdminLogEntry, Long> {

    /** The newest acts first. */
    List<ServerAdminLogEntry> findAllByOrderByIdDesc(Limit limit);
}
