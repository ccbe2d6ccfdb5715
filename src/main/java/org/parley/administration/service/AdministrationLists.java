package org.parley.administration.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.ServerAdministrators;
import org.parley.account.service.UserSummary;
import org.parley.administration.domain.ServerAdminLogEntry;
import org.parley.administration.domain.ServerAdminLogRepository;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.ChatGroupRepository;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What server administrators look through: people and groups with the storage they use, and the administrators'
 * log. Administrators only; a fixed number of queries per page, whatever its length.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class AdministrationLists {

    public static final int PAGE = 50;

    private final UserAccountRepository accounts;
    private final ChatGroupRepository groups;
    private final AttachmentRepository attachments;
    private final ServerAdminLogRepository log;
    private final ServerAdministrators administrators;
    private final CurrentUser currentUser;

    AdministrationLists(
            UserAccountRepository accounts,
            ChatGroupRepository groups,
            AttachmentRepository attachments,
            ServerAdminLogRepository log,
            ServerAdministrators administrators,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.groups = groups;
        this.attachments = attachments;
        this.log = log;
        this.administrators = administrators;
        this.currentUser = currentUser;
    }

    /** Whether the caller is a server administrator (the menu shows Administration only then). */
    public boolean amAdministrator() {
        return currentUser
                .get()
                .map(me -> administrators.isAdministrator(me.userId()))
                .orElse(false);
    }

    /** People whose user name or display name contains {@code query} (everyone when blank), by user name. */
    public List<PersonAtAdministration> people(String query) {
        long me = requireAdministrator();
        List<Long> ids =
                accounts.searchIds(TextRules.containsPattern(query == null ? "" : query), "", -1, Limit.of(PAGE));
        Map<Long, UserAccount> found =
                accounts.findByIdIn(ids).stream().collect(Collectors.toMap(UserAccount::getId, account -> account));
        Map<Long, Long> bytes = sums(ids.isEmpty() ? List.of() : attachments.bytesByUploader(ids));
        return ids.stream()
                .map(found::get)
                .map(account -> new PersonAtAdministration(
                        UserSummary.of(account),
                        account.isDisabled(),
                        administrators.isAdministrator(account),
                        bytes.getOrDefault(account.getId(), 0L),
                        AdministrationService.powers(me, account, administrators)))
                .toList();
    }

    /** Groups whose name or description contains {@code query} (all when blank), by name. */
    public List<GroupAtAdministration> groups(String query) {
        requireAdministrator();
        List<ChatGroup> page =
                groups.search(TextRules.containsPattern(query == null ? "" : query), "", 0, Limit.of(PAGE));
        List<Long> conversations =
                page.stream().map(ChatGroup::getConversationId).toList();
        Map<Long, Long> bytes =
                sums(conversations.isEmpty() ? List.of() : attachments.bytesByConversation(conversations));
        return page.stream()
                .map(group -> new GroupAtAdministration(
                        group.getId(),
                        group.getName(),
                        group.getMemberCount(),
                        bytes.getOrDefault(group.getConversationId(), 0L)))
                .toList();
    }

    /** The newest acts of server administrators, newest first. */
    public List<AdministrationLogLine> log() {
        requireAdministrator();
        List<ServerAdminLogEntry> entries = log.findAllByOrderByIdDesc(Limit.of(PAGE));
        Set<Long> who =
                entries.stream().map(ServerAdminLogEntry::getAdministratorId).collect(Collectors.toSet());
        Map<Long, String> names = names(who);
        return entries.stream()
                .map(entry -> new AdministrationLogLine(
                        entry.getAt(),
                        names.getOrDefault(entry.getAdministratorId(), "?"),
                        Phrase.of(
                                "administration.log." + entry.getAction().name().toLowerCase(java.util.Locale.ROOT),
                                entry.getSubjectName())))
                .toList();
    }

    private Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(ids).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName));
    }

    private long requireAdministrator() {
        long me = currentUser.requireId();
        administrators.requireAdministrator(me);
        return me;
    }

    private static Map<Long, Long> sums(List<Object[]> rows) {
        Map<Long, Long> sums = new HashMap<>();
        for (Object[] row : rows) {
            sums.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return sums;
    }
}
