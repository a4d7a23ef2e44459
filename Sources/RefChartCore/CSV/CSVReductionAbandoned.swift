/// Thrown inside the reader when a file being reduced turns out to need every row (its times go back or
/// repeat): ``CSVReader`` then reads it again whole.
struct CSVReductionAbandoned: Error {}
