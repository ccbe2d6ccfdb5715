package org.parley.chat.service;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's own data, for them to take away: every message of every conversation they are in (what they sent and
 * what they received) as {@code messages.json}, and every file and picture of those conversations under
 * {@code files/}, in one zip. Streamed: a page of messages and one chunk of a file at a time, whatever the size.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PersonalDataExport {

    private static final int PAGE = 500;
    private static final int FILES_PER_QUERY = 100;

    private final CurrentUser currentUser;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final AttachmentRepository attachments;
    private final AccountDirectory directory;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PersonalDataExport(
            CurrentUser currentUser,
            ConversationMemberRepository members,
            ChatMessageRepository messages,
            AttachmentRepository attachments,
            AccountDirectory directory,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.currentUser = currentUser;
        this.members = members;
        this.messages = messages;
        this.attachments = attachments;
        this.directory = directory;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
    }

    /** Writes the caller's data to {@code out} as a zip (see the class comment); {@code out} is left open. */
    public void export(OutputStream out) throws IOException {
        long me = currentUser.requireId();
        List<Conversation> conversations = readTx.execute(status -> members.findWithConversationsOf(me).stream()
                .map(row -> (Conversation) row[1])
                .toList());
        Map<Long, List<Long>> membersOf = readTx.execute(status ->
                members
                        .findByConversationIdIn(
                                conversations.stream().map(Conversation::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(
                                ConversationMember::getConversationId,
                                Collectors.mapping(ConversationMember::getUserId, Collectors.toList()))));
        Map<Long, UserSummary> people = new HashMap<>(directory.summaries(
                membersOf.values().stream().flatMap(List::stream).collect(Collectors.toSet())));
        people.putAll(directory.summaries(List.of(me)));

        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller's stream stays open
            }
        });
        zip.putNextEntry(new ZipEntry("messages.json"));
        List<Long> fileIds = new ArrayList<>();
        try (JsonGenerator writer = json.createGenerator(new FilterOutputStream(zip) {
            @Override
            public void close() throws IOException {
                flush(); // the zip goes on with the files
            }
        })) {
            writer.writeStartObject();
            writer.writeStringProperty("exportedAt", clock.instant().toString());
            writer.writeName("person");
            person(writer, people.get(me));
            writer.writeName("conversations");
            writer.writeStartArray();
            for (Conversation conversation : conversations) {
                writeConversation(writer, conversation, membersOf, people, fileIds);
            }
            writer.writeEndArray();
            writer.writeEndObject();
        }
        zip.closeEntry();
        writeFiles(zip, fileIds);
        zip.finish();
        zip.close();
    }

    private void writeConversation(
            JsonGenerator writer,
            Conversation conversation,
            Map<Long, List<Long>> membersOf,
            Map<Long, UserSummary> people,
            List<Long> fileIds) {
        writer.writeStartObject();
        writer.writeNumberProperty("id", conversation.getId());
        writer.writeStringProperty("kind", conversation.getKind().name().toLowerCase(java.util.Locale.ROOT));
        writer.writeName("members");
        writer.writeStartArray();
        for (Long member : membersOf.getOrDefault(conversation.getId(), List.of())) {
            person(writer, people.get(member));
        }
        writer.writeEndArray();
        writer.writeName("messages");
        writer.writeStartArray();
        long after = 0;
        while (true) {
            long from = after;
            List<ChatMessage> page = readTx.execute(status -> messages.pageAfter(conversation.getId(), from, PAGE));
            Set<Long> senders = page.stream()
                    .map(ChatMessage::getSenderId)
                    .filter(id -> !people.containsKey(id))
                    .collect(Collectors.toSet());
            people.putAll(directory.summaries(senders)); // people who have left since: one query a page
            for (ChatMessage message : page) {
                writeMessage(writer, message, people, fileIds);
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().getId();
        }
        writer.writeEndArray();
        writer.writeEndObject();
    }

    private static void writeMessage(
            JsonGenerator writer, ChatMessage message, Map<Long, UserSummary> people, List<Long> fileIds) {
        writer.writeStartObject();
        writer.writeNumberProperty("id", message.getId());
        writer.writeStringProperty("at", message.getCreatedAt().toString());
        UserSummary sender = people.get(message.getSenderId());
        writer.writeStringProperty("from", sender == null ? null : sender.username());
        if (message.getRecalledAt() != null) {
            writer.writeBooleanProperty("recalled", true);
        } else if (message.getKind() == ChatMessage.Kind.SYSTEM) {
            writer.writeStringProperty("event", message.getBody());
        } else if (message.getAttachmentId() != null) {
            writer.writeNumberProperty("fileId", message.getAttachmentId());
            fileIds.add(message.getAttachmentId());
        } else {
            writer.writeStringProperty("text", message.getBody());
        }
        if (message.getEditedAt() != null) {
            writer.writeStringProperty("edited", message.getEditedAt().toString());
        }
        if (message.getReplyToId() != null) {
            writer.writeNumberProperty("replyTo", message.getReplyToId());
        }
        writer.writeEndObject();
    }

    private static void person(JsonGenerator writer, UserSummary person) {
        writer.writeStartObject();
        writer.writeStringProperty("username", person == null ? null : person.username());
        writer.writeStringProperty("displayName", person == null ? null : person.displayName());
        writer.writeEndObject();
    }

    /** Each file as {@code files/<id>-<its name>}, read a chunk at a time. */
    private void writeFiles(ZipOutputStream zip, List<Long> fileIds) throws IOException {
        for (int from = 0; from < fileIds.size(); from += FILES_PER_QUERY) {
            List<Long> batch = fileIds.subList(from, Math.min(fileIds.size(), from + FILES_PER_QUERY));
            List<Attachment> found = readTx.execute(status -> attachments.findByIdIn(batch));
            for (Attachment attachment : found) {
                if (!attachment.isReady()) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry("files/" + attachment.getId() + "-" + attachment.getFileName()));
                try (InputStream content =
                        new ChunkStream(attachments, attachment.getId(), attachment.getChunkCount())) {
                    content.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }
}
