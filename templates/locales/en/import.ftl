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
import-column-legal-form = Legal form, such as Stichting or B.V. (may be empty).
import-column-founded-year = Year founded, such as 2016 (may be empty).
import-column-phone = Phone number (may be empty).
import-column-street = Street and number of the visiting address (may be empty).
import-column-postcode = Postcode of the visiting address (may be empty).
import-column-district = District or village within the municipality (may be empty).
import-column-pso-level = Level on the PSO social-enterprise ladder: aspirant, basistrede, trede_1, trede_2, trede_3 or pso_30plus (may be empty; then pso_valid_until is empty too).
import-column-pso-valid-until = Date the PSO certificate runs out, as YYYY-MM-DD (required with a PSO level).
import-column-cso-status = Registration in the Code Sociale Ondernemingen register (a code from the list; may be empty).
import-column-sena-member = Member of Social Enterprise NL: yes or no (empty is no).
import-column-certifications = Other certificates separated by |, each with = and the date it runs out if it has one, for example VCA=2027-06-30|HACCP (may be empty). Every certificate, membership and PSO level imported is claimed: it counts once the operator has verified it under Certificates.
import-format-example = Example:
import-format-sectors = Sector codes
import-format-target-groups = Target-group codes

## Errors in a file, each shown with its line and column

error-import-empty = The file is empty: it needs a header row with the column names.
error-import-no-rows = The file has a header row but no enterprises.
error-import-unknown-column = This column is unknown. Allowed columns: kvk_number, name, municipality, sectors, target_groups, website, email, description, market_income_pct, legal_form, founded_year, phone, street, postcode, district, pso_level, pso_valid_until, cso_status, sena_member, certifications.
error-import-missing-column = This required column is missing from the header row.
error-import-duplicate-column = This column appears twice in the header row.
error-import-unnamed-column = This column has no name in the header row.
error-import-too-few-fields = This line has fewer fields than the header row has columns.
error-import-too-many-fields = This line has more fields than the header row has columns.
error-forbidden-character = This text holds a control character (such as NUL or ESC) or a direction override, which no field may hold. Remove it and try again.
error-import-stopped = Reading stopped here, after 100 errors: this line and the ones after it were not checked. Correct the errors above and import the file again.
error-import-not-utf8 = This text is not valid UTF-8. Save the file as "CSV UTF-8" and try again.
error-import-unreadable = This line cannot be read as CSV.
error-import-kvk-twice = This KvK number appears more than once in the file.
error-import-kvk-exists = An enterprise with this KvK number is already registered.
error-import-date = This is not a date in the form YYYY-MM-DD, such as 2027-06-30.
error-import-yes-no = Enter yes or no (or ja/nee, true/false, 1/0).
error-import-offerings-unknown-column = This column is unknown. Allowed columns: kvk_number, title, kind, cpv_code, description, service_area, price_indication, lead_time, active.
error-import-offerings-no-rows = The file has a header row but no offerings.
error-import-cpv-no-rows = The file has a header row but no codes.
error-import-unknown-wise = No enterprise with this KvK number is registered; import the enterprise first.
error-import-offering-title-taken = This enterprise already has an offering with this title (on the platform or earlier in the file).
error-import-service-area = Enter national, a radius such as 25 km, or municipalities separated by |.

## Importing output figures: the operator's upload page

figures-import-title = Import figures
figures-import-back = Back to the reporting periods
figures-import-link = Import figures from a CSV file
figures-import-intro = Store the output figures of many enterprises and periods at once from a CSV file. Each line is stored as the submitted figures of one enterprise for one period. Where an enterprise already has figures for that period, a line with other values adds a new revision and a line with the same values changes nothing. The import is all or nothing: if one line has an error, nothing is imported and every error is listed with its line and column.
figures-import-done = Figures imported: { $created } new, { $revised } corrected (new revision), { $unchanged } unchanged.
figures-import-warnings-title = Check these values
figures-import-warnings-intro = These values are possible but unlikely. They have been imported; correct them if they are wrong.
figures-import-warning-organisation = KvK number
figures-import-warning-period = Period
figures-import-warning-message = Warning
figures-import-format-intro = The first line is the header row with the column names, in any order. The columns kvk_number, period and the ten counts are required; fte_target_group, turnover_eur and the tg_ columns may be left out. Other columns are not allowed. Every count is a whole number of 0 or more.
figures-import-column-kvk-number = KvK number of a registered enterprise: exactly 8 digits, leading zeros included.
figures-import-column-period = Reporting period: a quarter such as 2025-Q1 or a year such as 2025. The period must exist. Each enterprise at most once per period.
figures-import-column-paid-target-group = People with a distance to the labour market in paid employment at the end of the period (wage-cost subsidy included).
figures-import-column-paid-regular = Other paid staff at the end of the period (coaches, management, …).
figures-import-column-trainees = People in a training, work-experience or re-integration trajectory at the end of the period.
figures-import-column-daytime-activities = Participants in (subsidised) daytime activities at the end of the period.
figures-import-column-volunteers = Volunteers at the end of the period.
figures-import-column-new-participants = People who started at the enterprise during the period.
figures-import-column-moved-to-paid-internal = Moved during the period from unpaid work (trainee, daytime activity, volunteer) to a paid job at the same enterprise.
figures-import-column-moved-to-paid-external = Moved on during the period to a paid job with another employer.
figures-import-column-moved-to-education = Moved on to education during the period.
figures-import-column-other-exits = Left during the period for any other reason.
figures-import-column-fte-target-group = FTE of the target-group people in paid employment, with at most two decimals (may be empty).
figures-import-column-turnover-eur = Turnover in the period in whole euros (may be empty).
figures-import-column-tg = tg_ followed by a target-group code (for example tg_mental_health): the target-group people in that group. Together at most paid_target_group + trainees + daytime_activities (may be left out or empty).

## Errors in a figures file (or API request), each shown with its line (or row) and column

error-import-figures-unknown-column = This column is unknown. Allowed columns: kvk_number, period, paid_target_group, paid_regular, trainees, daytime_activities, volunteers, new_participants, moved_to_paid_internal, moved_to_paid_external, moved_to_education, other_exits, fte_target_group, turnover_eur, and tg_ followed by a target-group code.
error-import-figures-no-rows = The file has a header row but no figures.
error-import-figures-twice = This enterprise already has figures for this period earlier in the file.
error-import-period-unknown = This reporting period does not exist. The operator creates periods on the periods page.
error-import-period-closed = This period does not take figures now: it has not opened yet, or it has closed.
error-import-json-value = Give this value as a number or as text.
error-import-json-not-object = This row is not an object with the column names as keys.
