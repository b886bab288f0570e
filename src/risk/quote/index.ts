/** One option's price and Greeks, the way `contagion price` reports them. */
export { optionQuote, OptionQuoteError, DEFAULTS as OPTION_QUOTE_DEFAULTS, type OptionQuote, type OptionQuoteInput } from './option-quote.js';
