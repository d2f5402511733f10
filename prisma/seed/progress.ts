// A progress bar on stderr for large seeds: redrawn in place on a terminal, one line per 10 % otherwise.

export class Progress {
  private done = 0;
  private lastDecile = -1;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly label = "work orders",
  ) {}

  add(n: number): void {
    if (!this.enabled || this.total === 0) return;
    this.done = Math.min(this.total, this.done + n);
    const fraction = this.done / this.total;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    const line = `${(fraction * 100).toFixed(1).padStart(5)}% ${this.done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")} ${this.label}, ${rate.toLocaleString("en-US")}/s, ${seconds.toFixed(0)}s elapsed, ~${eta}s left`;
    if (this.tty) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${line}   `);
      if (this.done >= this.total) process.stderr.write("\n");
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      process.stderr.write(`${line}\n`);
    }
  }
}
