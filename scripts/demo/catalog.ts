/**
 * The fixed vocabularies of the demo shop: regions and cities, channels, categories and
 * products with their typical prices (CNY).
 */

/** Region → [city, weight]. Region names are the usual English names of China's seven regions. */
export const REGIONS: readonly (readonly [string, number, readonly (readonly [string, number])[]])[] = [
  ["East China", 30, [["Shanghai", 30], ["Hangzhou", 18], ["Nanjing", 14], ["Suzhou", 12], ["Hefei", 8], ["Xiamen", 6], ["Qingdao", 7], ["Jinan", 5]]],
  ["South China", 20, [["Guangzhou", 35], ["Shenzhen", 38], ["Dongguan", 12], ["Nanning", 8], ["Haikou", 7]]],
  ["North China", 17, [["Beijing", 55], ["Tianjin", 25], ["Shijiazhuang", 10], ["Taiyuan", 10]]],
  ["Central China", 11, [["Wuhan", 45], ["Changsha", 30], ["Zhengzhou", 25]]],
  ["Southwest", 11, [["Chengdu", 45], ["Chongqing", 35], ["Kunming", 12], ["Guiyang", 8]]],
  ["Northeast", 6, [["Shenyang", 35], ["Dalian", 30], ["Harbin", 20], ["Changchun", 15]]],
  ["Northwest", 5, [["Xi'an", 60], ["Lanzhou", 20], ["Urumqi", 12], ["Yinchuan", 8]]],
];

export const ACQUISITION_CHANNELS = [
  "Online store",
  "Mobile app",
  "Retail store",
  "WeChat mini program",
  "Referral",
  "Marketplace",
] as const;
export type AcquisitionChannel = (typeof ACQUISITION_CHANNELS)[number];

export const ORDER_CHANNELS = ["Online store", "Mobile app", "Retail store", "WeChat mini program", "Marketplace"] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/**
 * Acquisition-channel mix, at the start and at the end of the window: the shift towards
 * the app and the WeChat mini program over 2023–2025 is linear in between.
 */
export const ACQUISITION_MIX: readonly (readonly [AcquisitionChannel, number, number])[] = [
  ["Online store", 28, 18],
  ["Mobile app", 16, 26],
  ["Retail store", 20, 13],
  ["WeChat mini program", 12, 22],
  ["Referral", 9, 9],
  ["Marketplace", 15, 12],
];

/** Overall order-channel mix, for orders placed outside the customer's usual channel. */
export const ORDER_CHANNEL_MIX: readonly (readonly [OrderChannel, number])[] = [
  ["Online store", 25],
  ["Mobile app", 28],
  ["Retail store", 14],
  ["WeChat mini program", 20],
  ["Marketplace", 13],
];

export const CATEGORIES = ["Electronics", "Home", "Beauty", "Apparel", "Food & Grocery", "Books"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Share of orders by category (before each customer's own preference). */
export const CATEGORY_MIX: readonly (readonly [Category, number])[] = [
  ["Food & Grocery", 26],
  ["Apparel", 20],
  ["Beauty", 18],
  ["Home", 15],
  ["Books", 11],
  ["Electronics", 10],
];

/**
 * Return probability by category (apparel comes back most, groceries hardly ever); the
 * mix above makes about 2 % of all orders returns.
 */
export const RETURN_RATE: Record<Category, number> = {
  Electronics: 0.025,
  Home: 0.02,
  Beauty: 0.012,
  Apparel: 0.042,
  "Food & Grocery": 0.006,
  Books: 0.012,
};

export interface Product {
  name: string;
  /** Typical price of one order of it, CNY. */
  price: number;
  /** Months (1–12) in which it sells; absent = all year. */
  months?: readonly number[];
}

/** Products by category. A few names contain a comma, so that the CSV quoting is exercised. */
export const PRODUCTS: Record<Category, readonly Product[]> = {
  Electronics: [
    { name: "Earbuds", price: 399 },
    { name: "Smartwatch", price: 1299 },
    { name: "Speaker", price: 299 },
    { name: "Power bank", price: 149 },
    { name: "Tablet", price: 2399 },
    { name: "Keyboard", price: 499 },
    { name: "Robot vacuum", price: 1899 },
  ],
  Home: [
    { name: "Air fryer", price: 399 },
    { name: "Bedding set, queen size", price: 459 },
    { name: "Storage boxes", price: 89 },
    { name: "LED desk lamp", price: 159 },
    { name: "Cookware set", price: 599 },
    { name: "Electric kettle", price: 129 },
  ],
  Beauty: [
    { name: "Face serum", price: 289 },
    { name: "Sunscreen", price: 129 },
    { name: "Lipstick", price: 199 },
    { name: "Skincare gift set", price: 699 },
    { name: "Shampoo", price: 79 },
    { name: "Sheet masks", price: 99 },
  ],
  Apparel: [
    { name: "Down jacket", price: 899, months: [1, 2, 10, 11, 12] },
    { name: "Cotton T-shirt", price: 99 },
    { name: "Jeans", price: 299 },
    { name: "Running shoes", price: 599 },
    { name: "Silk scarf", price: 259 },
    { name: "Summer dress", price: 239, months: [5, 6, 7, 8] },
  ],
  "Food & Grocery": [
    { name: "Tea gift box", price: 268 },
    { name: "Rice 10 kg", price: 89 },
    { name: "Snack bundle", price: 69 },
    { name: "Mooncake gift box", price: 198, months: [8, 9] },
    { name: "Coffee beans", price: 128 },
    { name: "Organic milk, 12-pack", price: 79 },
    { name: "Mixed nuts", price: 118 },
  ],
  Books: [
    { name: "Novel", price: 59 },
    { name: "Children's books", price: 129 },
    { name: "Business book", price: 69 },
    { name: "Workbook", price: 89 },
    { name: "Notebook, A5, 3-pack", price: 45 },
  ],
};

/** Touchpoint vocabularies (interactions.csv). */
export const CAMPAIGN_CHANNELS = ["Email", "SMS", "WeChat", "App push"] as const;

/** Feedback channels (feedback.csv). */
export const FEEDBACK_CHANNELS: readonly (readonly [string, number])[] = [
  ["Survey", 30],
  ["WeChat", 22],
  ["Phone", 16],
  ["App", 14],
  ["Live chat", 10],
  ["Email", 8],
];
