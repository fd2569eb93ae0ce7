# Importing social enterprises from a CSV file (English).
# Keep the keys in the same order as nl/import.ftl.

## The operator's upload page

import-title = Import enterprises
import-back = Back to the enterprises
import-link = Import enterprises from a CSV file
import-intro = Add many social enterprises at once from a CSV file. Imported enterprises are approved straight away and appear in the catalogue. The import is all or nothing: if one line has an error, nothing is imported and every error is listed with its line and column.
import-file = CSV file
import-file-hint = A CSV file in UTF-8 (in Excel: "CSV UTF-8"), separated by commas or semicolons, of at most { $max_mb } MB.
import-paste = Or paste the CSV text
import-paste-hint = The same content as the file, header row included. Use either a file or this box.
import-submit = Import
import-done =
    { $count ->
        [one] One enterprise imported.
       *[other] { $count } enterprises imported.
    }
import-done-link = View the approved enterprises
import-errors-title =
    { $count ->
        [one] One error: nothing was imported
       *[other] { $count } errors: nothing was imported
    }
import-errors-intro = Correct these lines in the file and import it again. The header row is line 1.
import-errors-more =
    { $count ->
        [one] And one more error, not shown.
       *[other] And { $count } more errors, not shown.
    }
import-error-line = Line
import-error-column = Column
import-error-message = Error
import-problem-nothing = Choose a CSV file or paste the CSV text.
import-problem-both = Choose a CSV file or paste the CSV text, not both.
import-problem-too-large = The file is too large: an import may be at most { $max_mb } MB. Split it into smaller files.

## The file format

import-format-title = The file format
import-format-intro = The first line is the header row with the column names, in any order. The columns kvk_number, name, municipality and sectors are required; the others may be left out. Other columns are not allowed.
import-format-column = Column
import-format-content = Content
import-column-kvk-number = KvK number: exactly 8 digits, leading zeros included. Each enterprise once; not one that is already registered.
import-column-name = Name of the enterprise (at most 200 characters).
import-column-municipality = Municipality of the visiting address.
import-column-sectors = One or more sector codes separated by |; the first is the primary sector.
import-column-target-groups = Target-group codes separated by | (may be empty).
import-column-website = Website starting with http:// or https:// (may be empty).
import-column-email = Email address (may be empty).
import-column-description = Short description in plain text, at most 2,000 characters (may be empty).
import-column-market-income-pct = Share of income earned on the market: a whole number from 0 to 100 (may be empty).
import-format-example = Example:
import-format-sectors = Sector codes
import-format-target-groups = Target-group codes

## Errors in a file, each shown with its line and column

error-import-empty = The file is empty: it needs a header row with the column names.
error-import-no-rows = The file has a header row but no enterprises.
error-import-unknown-column = This column is unknown. Allowed columns: kvk_number, name, municipality, sectors, target_groups, website, email, description, market_income_pct.
error-import-missing-column = This required column is missing from the header row.
error-import-duplicate-column = This column appears twice in the header row.
error-import-unnamed-column = This column has no name in the header row.
error-import-too-few-fields = This line has fewer fields than the header row has columns.
error-import-too-many-fields = This line has more fields than the header row has columns.
error-import-not-utf8 = This text is not valid UTF-8. Save the file as "CSV UTF-8" and try again.
error-import-unreadable = This line cannot be read as CSV.
error-import-kvk-twice = This KvK number appears more than once in the file.
error-import-kvk-exists = An enterprise with this KvK number is already registered.
