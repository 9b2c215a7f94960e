// The display board's chime on a new call. Browsers only play sound after a person has touched the
// page, so the board has a button that turns it on; without it the board stays silent.
let context = null;

export function enable() {
    context = context ?? new AudioContext();
    return context.resume().then(() => true, () => false);
}

export function chime() {
    if (context === null || context.state !== "running") {
        return false;
    }

    const now = context.currentTime;
    [660, 880].forEach((frequency, i) => {
        const tone = context.createOscillator();
        const gain = context.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, now + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.35 + 0.3);
        tone.connect(gain).connect(context.destination);
        tone.start(now + i * 0.35);
        tone.stop(now + i * 0.35 + 0.32);
    });
    return true;
}
