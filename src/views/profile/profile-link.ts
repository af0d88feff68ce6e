/** Where a customer's file opens: the current view with `customer=<id>` (the file is a dialog over the page). */
import { serialiseHash, type UrlState } from "../../lib/state/url-state.ts";

/** The hash of the current view with the customer's file open over it: `#/churn?customer=C00002`. */
export const customerHref = (url: UrlState, customerId: string): string => serialiseHash({ ...url, customer: customerId });
