import { describe, expect, it } from "vitest";
import { periodReadiness } from "~/domain/period-allocation";

describe("periodReadiness", () => {
  const years = [
    { periodId: 1, label: "2017/18", allocationPence: 64_400_000 },
    { periodId: 1, label: "2018/19", allocationPence: 64_400_000 },
    { periodId: 2, label: "2019/20", allocationPence: null },
    { periodId: 2, label: "2020/21", allocationPence: 10_000 },
  ];

  it("is ready when every year of the period has an allocation", () => {
    expect(periodReadiness(1, years)).toEqual({ ready: true });
  });

  it("names the years without an allocation and says whom to contact", () => {
    const answer = periodReadiness(2, years);
    expect(answer.ready).toBe(false);
    if (answer.ready) return;
    expect(answer.missingYears).toEqual(["2019/20"]);
    expect(answer.reason).toContain("2019/20");
    expect(answer.reason).toContain("Contact MOPAC’s LCPF team");
  });

  it("is not ready for a period with no years known", () => {
    expect(periodReadiness(3, years).ready).toBe(false);
  });
});
