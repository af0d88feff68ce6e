/**
 * The benchmark's customers file: one row per customer number the orders use, with the
 * attributes the filter bar offers (region, city, tier, gender, acquisition channel).
 * Every customer signed up before the orders start.
 */
import { ACQUISITION_CHANNELS, REGIONS } from "../demo/catalog.ts";
import { englishName, chineseName, type Gender } from "../demo/names.ts";
import { Rng } from "../demo/prng.ts";
import { customerId, dayOf, FIRST_DAY, isoOf, SEED } from "./calendar.ts";
import { writeCsvLines, type Facts } from "./file-cache.ts";

export const CUSTOMERS_VERSION = 1;
const HEADER = "customer_id,name,gender,region,city,acquisition_channel,tier,signup_date";
const SIGNUP_YEARS = 3;
const TIERS = [["Bronze", 55], ["Silver", 28], ["Gold", 13], ["Platinum", 4]] as const;
const GENDERS = [["Female", 52], ["Male", 48]] as const satisfies readonly (readonly [Gender, number])[];
const REGION_MIX = REGIONS.map(([name, weight, cities]) => [[name, cities] as const, weight] as const);
const CHANNEL_MIX = ACQUISITION_CHANNELS.map((c) => [c, 1] as const);

export function writeCustomers(path: string, customers: number): Facts {
  const rng = new Rng(SEED ^ customers ^ 0x00c0ffee);
  const lastSignup = dayOf(FIRST_DAY) - 1;
  writeCsvLines(path, HEADER, customers, (i) => {
    const gender = rng.weighted(GENDERS);
    // Four in five names are Chinese, as in the demo's shop.
    const name = rng.chance(0.8) ? chineseName(rng, gender).name : englishName(rng, gender).name;
    const [region, cities] = rng.weighted(REGION_MIX);
    const signup = isoOf(lastSignup - rng.int(0, SIGNUP_YEARS * 365));
    return `${customerId(i + 1, customers)},${name},${gender},${region},${rng.weighted(cities)},${rng.weighted(CHANNEL_MIX)},${rng.weighted(TIERS)},${signup}`;
  });
  return { rows: customers };
}
