package org.parley.account.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExternalIdentityRepository extends JpaRepository<ExternalIdentity, Long> {

    Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

    boolean existsByUserId(long userId);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from ExternalIdentity i where i.userId = :userId")
    int deleteAllOf(@org.springframework.data.repository.query.Param("userId") long userId);
}
