package org.parley.groups.service;

import java.io.InputStream;
import java.util.Optional;
import org.parley.account.service.AvatarImages;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.Phrase;
import org.parley.chat.service.SystemLine;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.domain.GroupAvatar;
import org.parley.groups.domain.GroupAvatarRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A group's settings, which its administrators change: who may join, muting everyone, temporary chats, picture. */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class GroupSettings {

    private final GroupRecords records;
    private final GroupAvatarRepository avatars;
    private final AvatarImages avatarImages;
    private final CurrentUser currentUser;

    GroupSettings(
            GroupRecords records, GroupAvatarRepository avatars, AvatarImages avatarImages, CurrentUser currentUser) {
        this.records = records;
        this.avatars = avatars;
        this.avatarImages = avatarImages;
        this.currentUser = currentUser;
    }

    public void setJoinPolicy(long groupId, ChatGroup.JoinPolicy policy) {
        long me = currentUser.requireId();
        if (policy == null) {
            throw new InvalidInputException(Phrase.of("groups.refusal.choose-who-can-join-open-approval"));
        }
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        group.setJoinPolicy(policy);
        records.publish(group, GroupChanged.Kind.SETTINGS, null, records.everyone(group));
    }

    /** While the whole group is muted only administrators may speak. */
    public void muteAll(long groupId, boolean muted) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        if (group.isMutedAll() == muted) {
            return;
        }
        group.setMutedAll(muted);
        records.log(group, me, null, muted ? Action.MUTE_ALL : Action.UNMUTE_ALL, null);
        records.say(group, me, muted ? SystemLine.GROUP_MUTED : SystemLine.GROUP_UNMUTED, null, null);
        records.publish(group, GroupChanged.Kind.SETTINGS, null, records.everyone(group));
    }

    /**
     * Whether members may start temporary conversations with each other. Switched off, existing ones stop
     * accepting messages unless the two share another group that allows them (or are friends).
     */
    public void setTemporaryChatsAllowed(long groupId, boolean allowed) {
        long me = currentUser.requireId();
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        if (group.isTemporaryChatsAllowed() == allowed) {
            return;
        }
        group.setTemporaryChatsAllowed(allowed);
        records.log(group, me, null, allowed ? Action.ALLOW_TEMPORARY_CHATS : Action.FORBID_TEMPORARY_CHATS, null);
        records.publish(group, GroupChanged.Kind.SETTINGS, null, records.everyone(group));
    }

    /**
     * Sets the group's picture (administrators); checked and scaled like a user's avatar, from an upload of
     * {@code declaredBytes} (negative: unknown), streamed. The upload is read before the database is touched: a
     * slow one never holds a connection of the pool.
     */
    public GroupSummary changeAvatar(long groupId, InputStream upload, long declaredBytes) {
        long me = currentUser.requireId();
        EncodedPicture picture = avatarImages.normalize(upload, declaredBytes);
        ChatGroup group = records.requireGroup(groupId);
        records.requireAdministrator(groupId, me, true);
        avatars.findById(groupId)
                .ifPresentOrElse(
                        existing -> existing.replace(picture.contentType(), picture.data()),
                        () -> avatars.save(new GroupAvatar(groupId, picture.contentType(), picture.data())));
        group.avatarChanged(true);
        records.publish(group, GroupChanged.Kind.SETTINGS, null, records.everyone(group));
        return GroupSummary.of(group);
    }

    /** Any signed-in user may see a group's picture: groups are shown in search. */
    @Transactional(readOnly = true)
    public Optional<EncodedPicture> avatar(long groupId) {
        currentUser.requireId();
        return avatars.findById(groupId).map(a -> new EncodedPicture(a.getContentType(), a.getData()));
    }
}
