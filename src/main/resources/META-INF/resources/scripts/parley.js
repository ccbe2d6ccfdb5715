// Parley's page scripts, loaded once per page (MainLayout adds it): the server's calls (executeJs) name these
// functions instead of sending their text with every page, where Flow would also keep it with the UI's last response.
window.parley = window.parley || {};

/** Browser notifications for this tab (BackgroundNotifier): installed once on the layout element. */
parley.notifier = (host, key) => {
  if (host.parleyNotify) return;
  const supported = 'Notification' in window;
  const read = () => {
    try { return JSON.parse(localStorage.getItem(key) || '{}'); } catch (e) { return {}; }
  };
  const notify = host.parleyNotify = window.parleyNotify = {
    supported,
    settings: read,
    granted: () => supported && Notification.permission === 'granted',
    background: () => document.visibilityState !== 'visible' || !document.hasFocus(),
    save(changes) {
      try { localStorage.setItem(key, JSON.stringify(Object.assign(read(), changes))); } catch (e) { }
      notify.report();
    },
    report() {
      host.dispatchEvent(new CustomEvent('parley-attention', {detail: {
          background: notify.background(), enabled: !!read().enabled && notify.granted()}}));
    },
    async ask() {
      if (!supported) return 'unsupported';
      const answer = await Notification.requestPermission();
      notify.save({enabled: answer === 'granted', asked: true});
      return answer;
    },
    show(tag, title, body, conversation) {
      if (!notify.granted() || !read().enabled || !notify.background()) return;
      if (localStorage.getItem(key + '.last') === tag) return;
      try { localStorage.setItem(key + '.last', tag); } catch (e) { }
      const shown = new Notification(title, {body, tag});
      shown.onclick = () => {
        window.focus();
        host.dispatchEvent(new CustomEvent('parley-open-conversation', {detail: {conversation}}));
        shown.close();
      };
      if (read().sound) notify.beep();
    },
    beep() {
      try {
        const audio = notify.audio || (notify.audio = new AudioContext());
        const tone = audio.createOscillator();
        const volume = audio.createGain();
        tone.frequency.value = 880;
        volume.gain.setValueAtTime(0.08, audio.currentTime);
        volume.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
        tone.connect(volume).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.25);
      } catch (e) { /* no sound here */ }
    }
  };
  document.addEventListener('visibilitychange', notify.report);
  window.addEventListener('focus', notify.report);
  window.addEventListener('blur', notify.report);
  window.addEventListener('storage', e => { if (e.key === key) notify.report(); });
  notify.report();
};

/** The one-time question about notifications (NotificationPrompt). */
parley.notificationPrompt = (prompt, question, yes, no) => {
  if (prompt.parleyPrompt) return;
  prompt.parleyPrompt = true;
  const text = document.createElement('span');
  text.textContent = question;
  const turnOn = document.createElement('vaadin-button');
  turnOn.textContent = yes;
  turnOn.setAttribute('theme', 'primary small');
  const notNow = document.createElement('vaadin-button');
  notNow.textContent = no;
  notNow.setAttribute('theme', 'tertiary small');
  const buttons = document.createElement('div');
  buttons.className = 'notification-prompt-buttons';
  buttons.append(turnOn, notNow);
  prompt.append(text, buttons);
  const decide = () => {
    const notify = window.parleyNotify;
    prompt.hidden = !(notify && notify.supported && Notification.permission === 'default'
        && !notify.settings().asked);
  };
  turnOn.addEventListener('click', async () => {
    await window.parleyNotify.ask();
    decide();
  });
  notNow.addEventListener('click', () => {
    window.parleyNotify.save({asked: true});
    decide();
  });
  setTimeout(decide);
};

/** This browser's notification choices in their dialog (NotificationChoices). */
parley.notificationChoices = (show, sound, note, words) => {
  const notify = window.parleyNotify;
  const render = () => {
    const settings = notify.settings();
    show.checked = !!settings.enabled && notify.granted();
    sound.checked = !!settings.sound;
    sound.disabled = !show.checked;
    note.textContent = !notify.supported ? words.unsupported
        : Notification.permission === 'denied' ? words.blocked : words.shown;
  };
  show.addEventListener('change', async () => {
    if (show.checked && !notify.granted()) await notify.ask();
    else notify.save({enabled: show.checked, asked: true});
    render();
  });
  sound.addEventListener('change', () => { notify.save({sound: sound.checked}); render(); });
  render();
};

/** The unread total in front of the page title, read off the Chats badge (MainLayout). */
parley.unreadInTitle = badge => {
  const apply = () => {
    const title = document.title.replace(/^\(\d+\+?\) /, '');
    const count = badge.hidden ? '' : badge.textContent.trim();
    const wanted = count && count !== '0' ? '(' + count + ') ' + title : title;
    if (document.title !== wanted) document.title = wanted;
  };
  const watch = {childList: true, characterData: true, subtree: true, attributes: true};
  new MutationObserver(apply).observe(badge, watch);
  new MutationObserver(apply).observe(document.head, watch);
  apply();
};

/** Drafts per conversation in localStorage (Composer): set up once per text box, then shows this conversation's. */
parley.drafts = (input, key, conversation) => {
  if (!input.parleyDrafts) {
    const read = () => {
      try { return JSON.parse(localStorage.getItem(key) || '{}'); } catch (e) { return {}; }
    };
    const drafts = input.parleyDrafts = {
      save(conversation, text) {
        if (!conversation) return;
        const all = read();
        if (text && text.trim()) all[conversation] = {text, at: Date.now()}; else delete all[conversation];
        const monthAgo = Date.now() - 30 * 86400000;
        for (const c of Object.keys(all)) if (!(all[c].at > monthAgo)) delete all[c];
        try { localStorage.setItem(key, JSON.stringify(all)); } catch (e) { /* private mode */ }
      },
      show(conversation) {
        const draft = read()[conversation];
        input.value = draft ? draft.text : '';
      }
    };
    const open = () => input.getAttribute('data-conversation');
    input.addEventListener('input', e => drafts.save(open(), e.composedPath()[0].value));
    input.addEventListener('submit', () => drafts.save(open(), ''));
  }
  input.parleyDrafts.show(conversation);
};

/** The next items this message list shows were asked for (a page scrolled to): not announced as arriving. */
parley.quietNextItems = list => {
  list.parleyQuiet = true;
};

/** The conversation's chat look around Vaadin's message list connector (TimelineScripts.CHAT_LOOK). */
parley.chatLook = (language, today, yesterday) => {
  const connector = window.Vaadin.Flow.messageListConnector;
  if (!connector.parleyChatLook) {
    connector.parleyChatLook = true;
    const time = new Intl.DateTimeFormat(language, {hour: 'numeric', minute: '2-digit'});
    const dayKey = d => d.getFullYear() + '-' + d.getMonth() + '-' + d.getDate();
    const dayLabel = d => {
      const now = new Date();
      const before = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
      if (dayKey(d) === dayKey(now)) return today;
      if (dayKey(d) === dayKey(before)) return yesterday;
      return new Intl.DateTimeFormat(language, {weekday: 'long', day: 'numeric', month: 'long',
          year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'}).format(d);
    };
    const ours = list => list.classList.contains('message-list');
    const keep = items => items.forEach(item => { if (item.time && !item.parleyAt) item.parleyAt = item.time; });
    // A list scrolled to its newest message stays there as it grows after rendering (a day heading shown, a
    // picture loaded) or shrinks (a taller composer, a phone's keyboard): the newest message is seen whole.
    const stick = list => { if (list.parleyAtBottom !== false) list.scrollTop = list.scrollHeight; };
    const follow = list => {
      if (list.parleyFollow) return;
      list.parleyFollow = true;
      // Away from the bottom only by scrolling up: content growing under a list at the bottom is no reader's scroll.
      list.addEventListener('scroll', () => {
        const top = list.scrollTop;
        if (list.scrollHeight - top - list.clientHeight < 4) list.parleyAtBottom = true;
        else if (top < list.parleyLastTop) list.parleyAtBottom = false;
        list.parleyLastTop = top;
      });
      const stay = new ResizeObserver(() => stick(list));
      stay.observe(list); // the list shorter: a taller composer, a phone's keyboard
      stay.observe(list.shadowRoot.querySelector('[part~=list]') || list); // its messages taller
    };
    const decorate = list => {
      follow(list);
      let previous = null;
      for (const item of list.items) {
        const classes = (item.className || '').split(' ').filter(c => c && c !== 'continued');
        const at = item.parleyAt ? new Date(item.parleyAt) : null;
        const system = classes.includes('system');
        if (at && !isNaN(at)) {
          item.time = time.format(at);
          const sameDay = previous && dayKey(previous.at) === dayKey(at);
          if (sameDay && !system && !previous.system && previous.userName === item.userName
              && at - previous.at < 5 * 60000) {
            classes.push('continued');
          }
          item.parleyDay = sameDay ? null : dayLabel(at);
          previous = {at, userName: item.userName, system};
        }
        item.className = classes.join(' ');
      }
      list.items = [...list.items];
      requestAnimationFrame(() => list.querySelectorAll('vaadin-message').forEach((message, i) => {
        const day = list.items[i] && list.items[i].parleyDay;
        if (day) message.setAttribute('data-day', day); else message.removeAttribute('data-day');
      }) || stick(list));
    };
    // New messages from others, said once to screen readers through the list's announcer (a polite status
    // region beside it). New means after the message that was last before: a page of older messages loaded above,
    // another conversation opened, or a change to a message says nothing; nor does a page of newer ones the reader
    // scrolled down to (parley.quietNextItems).
    const keyOf = item => item.parleyAt + '|' + item.userName;
    const announce = list => {
      const items = list.items;
      const before = list.parleyLastKey;
      list.parleyLastKey = items.length ? keyOf(items[items.length - 1]) : null;
      const from = before ? items.map(keyOf).lastIndexOf(before) + 1 : 0;
      if (list.parleyQuiet) {
        list.parleyQuiet = false;
        return;
      }
      const announcer = list.parentElement && list.parentElement.querySelector(':scope > .message-announcer');
      if (!before || from === 0 || from >= items.length || !announcer) return;
      requestAnimationFrame(() => {
        const rendered = list.querySelectorAll('vaadin-message');
        const said = items.slice(from).map((item, i) => {
          if ((item.className || '').split(' ').includes('own')) return null;
          const message = rendered[from + i];
          const text = (message ? message.textContent : '').trim()
              || (item.attachments || []).map(file => file.name).join(', ');
          return item.userName.replace(/\s@\S+$/, '') + ': ' + text; // the name, not the @handle
        }).filter(Boolean);
        if (said.length) announcer.textContent = said.join('\n');
      });
    };
    // A page of older messages put in front (ChatMessageList.prepend): only the page is sent; the message the
    // reader was looking at stays where it was.
    connector.parleyPrepend = (list, items) => {
      keep(items);
      const fromBottom = list.scrollHeight - list.scrollTop;
      list.items = [...items, ...(list.items || [])];
      decorate(list);
      announce(list);
      requestAnimationFrame(() => { list.scrollTop = list.scrollHeight - fromBottom; });
    };
    for (const name of ['setItems', 'addItems']) {
      const original = connector[name].bind(connector);
      connector[name] = (list, items, locale) => {
        if (ours(list)) keep(items);
        original(list, items, locale);
        if (ours(list)) {
          decorate(list);
          announce(list);
        }
      };
    }
  }
};
