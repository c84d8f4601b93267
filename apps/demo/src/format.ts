/** `mm:ss` for a duration; minutes keep counting past 59 (`30:00`). Negative durations read `00:00`. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `14:03:27`, for the event log. */
export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString('en-CA', { hour12: false });
}

/** `20 seconds`, `1 minute`, `30 minutes`. */
export function formatDuration(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
