// Small browser helpers called from Blazor components.
window.followUp = {
    copy: async function (text) {
        await navigator.clipboard.writeText(text);
    }
};
