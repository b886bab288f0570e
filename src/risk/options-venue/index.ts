/** Options venues of a snapshot: their books, and their accounts valued at given prices and vols. */
export { venueBooks, VenueBookError, type VenueBook } from './venue-book.js';
export { evaluateVenue, type VenueState } from './evaluate-venue.js';
export { accountMargin, type AccountMarginReport } from './account-margin.js';
export { venueMargin, type VenueMarginReport } from './venue-margin.js';
