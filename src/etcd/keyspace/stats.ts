/**
 * The store's operation counters (`store/stats.go`), served by `/v2/stats/store` in this order.
 * etcd 2.3.7 counts a few failures as successes (errors returned without being assigned to the
 * deferred counter's variable); the store reproduces those quirks where it counts.
 */
export class StoreStats {
  getsSuccess = 0;
  getsFail = 0;
  setsSuccess = 0;
  setsFail = 0;
  deleteSuccess = 0;
  deleteFail = 0;
  updateSuccess = 0;
  updateFail = 0;
  createSuccess = 0;
  createFail = 0;
  compareAndSwapSuccess = 0;
  compareAndSwapFail = 0;
  compareAndDeleteSuccess = 0;
  compareAndDeleteFail = 0;
  expireCount = 0;

  /** `json.Marshal(stats)`: no trailing newline. */
  toJson(watchers: number): string {
    return (
      `{"getsSuccess":${this.getsSuccess},"getsFail":${this.getsFail},` +
      `"setsSuccess":${this.setsSuccess},"setsFail":${this.setsFail},` +
      `"deleteSuccess":${this.deleteSuccess},"deleteFail":${this.deleteFail},` +
      `"updateSuccess":${this.updateSuccess},"updateFail":${this.updateFail},` +
      `"createSuccess":${this.createSuccess},"createFail":${this.createFail},` +
      `"compareAndSwapSuccess":${this.compareAndSwapSuccess},"compareAndSwapFail":${this.compareAndSwapFail},` +
      `"compareAndDeleteSuccess":${this.compareAndDeleteSuccess},"compareAndDeleteFail":${this.compareAndDeleteFail},` +
      `"expireCount":${this.expireCount},"watchers":${watchers}}`
    );
  }
}
