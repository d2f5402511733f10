import { expect, type Page } from "@playwright/test";

export const PASSWORD = "fettle-demo";

/** The sign-in page, by its browser contract (ARCHITECTURE.md §6). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  }

  async signIn(email: string, password = PASSWORD) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signInAndWait(email: string, password = PASSWORD) {
    await this.goto();
    await this.signIn(email, password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }
}
