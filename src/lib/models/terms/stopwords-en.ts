/**
 * English stop words: function words that say nothing about what a customer liked or
 * disliked. Negations (not, no, never, can't, don't…) are deliberately absent: "not
 * working" and "never arrived" are exactly what separates detractors from promoters.
 * Compared lower-cased, with ’ written as '.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how i i'd i'll i'm i've if in
  into is it it's its itself just let's me more most my myself of off on once only or other
  ought our ours ourselves out over own same she she'd she'll she's should so some such than
  that that's the their theirs them themselves then there there's these they they'd they'll
  they're they've this those through to under until up us very was we we'd we'll we're we've
  were what what's when when's where where's which while who who's whom why why's will with
  would you you'd you'll you're you've your yours yourself yourselves`.split(/\s+/),
);
