// System notifications for delivered reminders, opt-in per device. An ES module that Blazor imports
// (JS interop); no inline script, so it runs under the app's strict CSP (script-src 'self').
//
// The opt-in is this browser's, not the account's: it lives in localStorage, shared by every tab of the app.
// Notifications are shown only while a page of the app is open (in the background too): there is no service
// worker and no Web Push (see docs/decisions/0009-browser-notifications.md).

const key = 'followup.notifications';

function stored() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null; // storage blocked: behave as not opted in
    }
}

function store(value) {
    try {
        if (value) {
            localStorage.setItem(key, value);
        } else {
            localStorage.removeItem(key);
        }
    } catch {
        // Storage blocked: the state shown falls back to "off".
    }
}

/** 'unsupported' | 'blocked' (the browser denies notifications to this site) | 'on' | 'off'. */
export function state() {
    if (!('Notification' in window) || !window.isSecureContext || stored() === 'unsupported') {
        return 'unsupported';
    }
    if (Notification.permission === 'denied') {
        return 'blocked';
    }
    return Notification.permission === 'granted' && stored() === 'on' ? 'on' : 'off';
}

// Older Safari only knows the callback form of requestPermission.
function requestPermission() {
    return new Promise(resolve => {
        const promise = Notification.requestPermission(resolve);
        if (promise) {
            promise.then(resolve, () => resolve(Notification.permission));
        }
    });
}

// A first notification says it worked, and proves this browser can show one from a page: Chrome on Android,
// for one, has the API but only lets service workers show notifications (its constructor throws).
function confirmWorks(title, body, lang) {
    try {
        new Notification(title, { body, lang, tag: 'followup-enabled' });
        return 'on';
    } catch {
        return 'unsupported';
    }
}

const attached = new WeakMap();

/**
 * Handles clicks on [data-notify=on|off] inside root in the browser itself, so that requestPermission runs
 * inside the user's click (browsers ignore or quietly block prompts that do not), then tells .NET the new state.
 * Returns the current state.
 */
export function attach(root, dotnet) {
    detach(root);
    const onClick = async event => {
        const button = event.target.closest('[data-notify]');
        if (!button || !root.contains(button)) {
            return;
        }
        if (button.dataset.notify === 'on' && state() !== 'unsupported') {
            const permission = Notification.permission === 'granted' ? 'granted' : await requestPermission();
            store(permission === 'granted' ? confirmWorks(button.dataset.title, button.dataset.body, button.dataset.lang) : null);
        } else {
            store(null);
        }
        await dotnet.invokeMethodAsync('StateChanged', state());
    };
    root.addEventListener('click', onClick);
    attached.set(root, onClick);
    return state();
}

export function detach(root) {
    const onClick = root && attached.get(root);
    if (onClick) {
        root.removeEventListener('click', onClick);
        attached.delete(root);
    }
}

/**
 * Shows a system notification when this device opted in; does nothing otherwise. The tag collapses the copies
 * that every open tab of the app shows for the same reminder into one. A click focuses this tab, tells .NET
 * (dotnet.NotificationClicked(reminderId): the reminder is read) and opens url.
 */
export function show(title, body, tag, lang, url, dotnet, reminderId) {
    if (state() !== 'on') {
        return false;
    }
    const notification = new Notification(title, { body, tag, lang });
    notification.addEventListener('click', () => {
        window.focus();
        notification.close();
        // A circuit that has gone away cannot be told; the reminder then stays unread, as if not clicked.
        dotnet?.invokeMethodAsync('NotificationClicked', reminderId).catch(() => {});
        if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
            window.Blazor.navigateTo(url);
        } else {
            window.location.assign(url);
        }
    });
    return true;
}
