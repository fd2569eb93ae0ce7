## Municipalities and their centroids (service areas with a radius)

geo-nav = Municipalities
geo-title = Municipalities
geo-intro = The municipalities the platform knows, with the latitude and longitude of their centre. An offering with a radius (say 25 km around the enterprise) serves every municipality whose centre lies within that distance of the centre of the enterprise's municipality. Where a municipality has no coordinates, a radius offering of an enterprise there serves only its own municipality.
geo-done = Imported: { $added } added, { $updated } updated.
geo-file-hint = A CSV file (at most { $max_mb } MB) with the columns code (the CBS code, such as GM0363), name, latitude and longitude (degrees, such as 52.3676 and 4.9041; both may be left empty). Municipalities already here are updated by their code; nothing is written if any line has an error.
geo-list = { $count ->
    [one] One municipality
   *[other] { $count } municipalities
}
geo-without = { $count ->
    [one] One municipality has
   *[other] { $count } municipalities have
} no coordinates: radius offerings of enterprises there serve only their own municipality.
geo-none = No municipalities yet: import a file.
geo-code = CBS code
geo-name = Name
geo-latitude = Latitude
geo-longitude = Longitude
geo-no-coordinates = The platform has no coordinates for { $municipality }: an offering with a radius counts as delivering in { $municipality } only.
error-import-municipalities-unknown-column = This column is unknown. Allowed columns: code, name, latitude, longitude.
error-import-municipalities-no-rows = The file has a header row but no municipalities.
error-import-municipality-code = Enter the CBS code: GM and four digits, such as GM0363.
error-import-municipality-twice = This municipality appears more than once in the file.
error-import-municipality-name-taken = Another municipality on the platform (another CBS code) has this name.
error-import-latitude = Enter the latitude in degrees, between -90 and 90, such as 52.3676.
error-import-longitude = Enter the longitude in degrees, between -180 and 180, such as 4.9041.
error-import-coordinates-pair = Give both the latitude and the longitude, or neither.
