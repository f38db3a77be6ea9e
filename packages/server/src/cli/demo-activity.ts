import { fakeCustomer, fakePartner, fakeTransaction } from './activity.js';
import { answer } from './api-client.js';
import type { CliApi } from './api-client.js';

/**
 * Generates a believable stream of program activity for `hookline demo`: partners sign up and
 * get approved, they refer customers, customers buy, some purchases are refunded, rewards are
 * approved and paid. Each {@link DemoActivity.step} makes one API call.
 */
export class DemoActivity {
  private readonly pendingPartners: string[] = [];
  private readonly activePartners: string[] = [];
  private readonly customers: string[] = [];
  private readonly transactions: string[] = [];

  constructor(private readonly api: CliApi) {}

  /** Makes one thing happen; returns a short description of it. */
  async step(): Promise<string> {
    const r = Math.random();
    const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)] as string;
    if (this.pendingPartners.length + this.activePartners.length < 2 || r < 0.15) {
      return this.signUp();
    }
    if (this.pendingPartners.length > 0 && r < 0.35) {
      const id = this.pendingPartners.shift() as string;
      if (Math.random() < 0.15) {
        await this.api.client.POST('/v1/partners/{id}/reject', { params: { path: { id } } });
        return `partner ${id} rejected`;
      }
      await this.api.client.POST('/v1/partners/{id}/approve', { params: { path: { id } } });
      this.activePartners.push(id);
      return `partner ${id} approved`;
    }
    if (this.activePartners.length > 0 && (this.customers.length < 2 || r < 0.55)) {
      const customer = fakeCustomer(pick(this.activePartners));
      await this.api.client.POST('/v1/customers', { body: customer });
      this.customers.push(customer.key);
      return `customer ${customer.key} referred`;
    }
    if (this.customers.length > 0 && r < 0.85) {
      const transaction = fakeTransaction(pick(this.customers));
      await this.api.client.POST('/v1/transactions', { body: transaction });
      this.transactions.push(transaction.key);
      return `sale ${transaction.key}: ${transaction.amount} (${transaction.product_id})`;
    }
    if (this.transactions.length > 2 && r < 0.9) {
      const key = this.transactions.splice(
        Math.floor(Math.random() * this.transactions.length),
        1,
      )[0] as string;
      await this.api.client.DELETE('/v1/transactions/{key}', { params: { path: { key } } });
      return `sale ${key} refunded`;
    }
    return this.rewardStep();
  }

  /** Approves or pays the newest reward that can move on. */
  private async rewardStep(): Promise<string> {
    const page = await answer(
      this.api.client.GET('/v1/rewards', { params: { query: { limit: 20 } } }),
    );
    const approvable = page.data.find((w) => w.status === 'review_period');
    if (approvable) {
      await this.api.client.POST('/v1/rewards/{id}/approve', {
        params: { path: { id: approvable.id } },
      });
      return `reward ${approvable.id} approved`;
    }
    const payable = page.data.find((w) => w.status === 'approved');
    if (payable) {
      await this.api.client.POST('/v1/rewards/{id}/mark-paid', {
        params: { path: { id: payable.id } },
      });
      return `reward ${payable.id} paid`;
    }
    return this.signUp();
  }

  private async signUp(): Promise<string> {
    const { data: partner } = await answer(
      this.api.client.POST('/v1/partners', { body: fakePartner() }),
    );
    if (partner.status === 'pending') this.pendingPartners.push(partner.id);
    else this.activePartners.push(partner.id);
    return `partner ${partner.id} signed up`;
  }
}
