// Money arithmetic for the showroom. Everything is integer 分; a split always
// adds back up to the amount it came from.

export type PricedLine = { unitPriceFen: number; quantity: number; makerSharePct: number };

export type Split = { totalFen: number; makerFen: number; fundFen: number };

export function lineTotalFen(unitPriceFen: number, quantity: number) {
  if (!Number.isSafeInteger(unitPriceFen) || unitPriceFen < 0) throw new RangeError("单价不正确");
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError("数量不正确");
  const total = unitPriceFen * quantity;
  if (!Number.isSafeInteger(total)) throw new RangeError("金额过大");
  return total;
}

/**
 * Splits an amount between maker and fund. The maker part is rounded half up
 * to the nearest 分 and the fund gets the rest, so the parts always sum to the total.
 */
export function splitFen(totalFen: number, makerSharePct: number): Split {
  if (!Number.isInteger(makerSharePct) || makerSharePct < 0 || makerSharePct > 100) {
    throw new RangeError("分成比例应在 0 到 100 之间");
  }
  const makerFen = Math.floor((totalFen * makerSharePct + 50) / 100);
  return { totalFen, makerFen, fundFen: totalFen - makerFen };
}

export function splitLine(line: PricedLine): Split {
  return splitFen(lineTotalFen(line.unitPriceFen, line.quantity), line.makerSharePct);
}

/** An order's split is the sum of its lines' splits (each line keeps its own percentage). */
export function splitOrder(lines: PricedLine[]): Split {
  return lines.reduce<Split>(
    (acc, line) => {
      const s = splitLine(line);
      return {
        totalFen: acc.totalFen + s.totalFen,
        makerFen: acc.makerFen + s.makerFen,
        fundFen: acc.fundFen + s.fundFen,
      };
    },
    { totalFen: 0, makerFen: 0, fundFen: 0 },
  );
}

export function sharesAddUp(makerSharePct: number, fundSharePct: number) {
  return makerSharePct + fundSharePct === 100;
}
