package org.parley.chat.ui;

/** What the message list does in the browser, for {@link MessageTimeline}. */
final class TimelineScripts {

    private TimelineScripts() {}

    /**
     * Every link in the list opens in a new tab, and the page it opens gets no handle on the chat (no opener, no
     * referrer). Set on each link as messages render (the list's Markdown has no such option).
     */
    static final String LINKS_OPEN_IN_A_NEW_TAB = """
            if (!this.__parleyLinks) {
              this.__parleyLinks = true;
              const mark = () => this.querySelectorAll('a[href]:not([target])').forEach(a => {
                a.target = '_blank';
                a.rel = 'noopener noreferrer';
              });
              new MutationObserver(mark).observe(this, {childList: true, subtree: true});
              mark();
            }
            """;

    /** Which shown message a click landed on: its index among the list's messages (-1: a click beside them). */
    static final String CLICKED_INDEX = "(() => { const m = event.target.closest('vaadin-message');"
            + " return m ? Array.prototype.indexOf.call(element.querySelectorAll('vaadin-message'), m) : -1; })()";

    /** Brings the message at index $0 into view once the list has rendered, and lights it up for a moment. */
    static final String SCROLL_TO_MESSAGE = """
            const index = $0;
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const message = this.querySelectorAll('vaadin-message')[index];
              if (message) {
                message.scrollIntoView({block: 'center'});
                message.animate([{backgroundColor: 'rgba(255, 196, 0, 0.35)'}, {backgroundColor: 'transparent'}],
                    {duration: 1600});
              }
            }));
            """;

    /**
     * Makes the list read like a chat, in the browser (the server sends each message as before): short times
     * ("14:31", or "2:31 PM" where the browser's language says so), a day's first message headed by its day ("Today", "Yesterday", "Monday 30 November"), and
     * consecutive messages of one person within five minutes grouped under one name and avatar (class
     * "continued"). Wraps Vaadin's message list connector once per page, for lists of class "message-list" only: it
     * keeps each item's own time before the connector formats it, then decorates the whole list, so a page loaded
     * in front or a message added behind both come out right. The day goes into a "data-day" attribute of the
     * rendered message, for the style sheet to show. In scripts/parley.js.
     */
    static final String CHAT_LOOK = "parley.chatLook($0, $1, $2)";
}
