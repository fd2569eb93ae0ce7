# Labels of the fixed vocabularies, month names, validation errors and error pages (English).
# Keep the keys in the same order as templates/locales/nl/vocab.ftl.

## Sectors

sector-catering = Catering and hospitality
sector-cleaning-facility = Cleaning and facility services
sector-construction-maintenance = Construction and maintenance
sector-green-maintenance = Grounds and green space maintenance
sector-recycling-repair = Recycling and repair
sector-retail-second-hand = Retail and second-hand
sector-textiles = Textiles
sector-production-assembly = Production and assembly
sector-logistics-mail = Logistics and mail
sector-it-services = IT services
sector-printing-office = Printing and office services
sector-food-production = Food production
sector-creative-crafts = Creative work and crafts
sector-care-wellbeing = Care and well-being
sector-other = Other

## Target groups

target-group-physical-disability = People with a physical disability
target-group-mental-health = People with mental health conditions
target-group-intellectual-disability = People with an intellectual disability
target-group-refugee-background = People with a refugee background
target-group-ex-offender = Ex-offenders
target-group-youth-without-qualification = Young people without a basic qualification
target-group-long-term-unemployed = Long-term unemployed people
target-group-older-jobseekers = Older jobseekers
target-group-homeless-or-addiction = People experiencing homelessness or addiction
target-group-other = Other target group

## Organisation status

status-pending = Pending review
status-approved = Approved
status-suspended = Suspended
status-archived = Archived

## PerformanceLadder Socially Responsible Entrepreneurship (PSO)

pso-aspirant = PSO aspirant
pso-basistrede = PSO base step
pso-trede-1 = PSO step 1
pso-trede-2 = PSO step 2
pso-trede-3 = PSO step 3
pso-pso-30plus = PSO 30+

## Code Sociale Ondernemingen

cso-registered = Registered with the Code Sociale Ondernemingen
cso-applied = Applied

## Kind of offering

kind-good = Product
kind-service = Service
kind-works = Works (construction)

## Service area

area-national = Nationwide
area-municipalities = Selected municipalities
area-radius = Radius around the address
area-radius-km = Within { $km } km of the address
area-municipalities-list = Municipalities: { $list }

## Months

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Validation errors

error-required = This field is required.
error-too-long = This entry is too long.
error-kvk-format = The KvK number must be exactly 8 digits.
error-email = This is not a valid email address.
error-url = The web address must start with http:// or https://.
error-year = The founding year must be a year between 1800 and 2100.
error-percentage = Enter a percentage between 0 and 100.
error-sector-required = Choose at least one sector.
error-unknown-sector = This sector does not exist; choose a sector from the list.
error-unknown-target-group = This target group does not exist; choose a target group from the list.
error-duplicate = This value is listed twice.
error-unknown-code = This is not a known value for this field.
error-certification = A certification needs a name of at most 200 characters.
error-radius = The radius must be between 1 and 1000 km.
error-cpv-unknown = This CPV code does not exist in the CPV 2008 vocabulary.
error-cpv-format = A CPV code must be 8 digits, optionally followed by a dash and a check digit, for example 45000000-7.
error-pso-date = A PSO level needs a valid-until date, and a valid-until date needs a PSO level.
error-search-too-long = The search text is too long: use at most 200 characters.
error-cpv-prefix = A CPV filter is 2 to 8 digits, for example 45 or 4521.
error-page = A page number is a whole number from 1.
error-page-range = This page does not exist for this search.
error-per-page = The number per page is between 1 and 100.
error-password-short = Choose a password of at least 12 characters.
error-password-long = A password may be at most 1024 characters long.
error-password-weak = This password is too easy to guess. Choose a longer or less predictable one, for example a sentence of four unrelated words.
error-password-mismatch = The two passwords are not the same.
error-password-wrong = The current password is not correct.
error-unknown-role = Choose one of the roles: operator, city, buyer or social enterprise.
error-unknown-language = Choose Dutch or English.
error-organisation-required = A user with the social-enterprise role belongs to an enterprise; enter its KvK number.
error-unknown-organisation = There is no enterprise with this KvK number.
error-email-taken = A user with this email address already exists.

## Error pages

error-page-title = Something went wrong
error-400-title = Bad request
error-400-text = The request could not be processed. Check what you entered and try again.
error-401-title = Not signed in
error-401-text = Please sign in to view this page.
error-403-title = Access denied
error-403-text = You do not have access to this page. Contact the administrator if you think this is a mistake.
error-404-title = Page not found
error-404-text = This page does not exist (any more). Check the address or go back to the home page.
error-405-title = Action not allowed
error-405-text = This action is not possible on this page. Go back and try again from the menu.
error-409-title = Conflict
error-409-text = The data has changed in the meantime or already exists. Reload the page and try again.
error-413-title = Too large
error-413-text = The file or form you sent is too large. Make it smaller and try again.
error-422-title = Data not processed
error-422-text = Not all data was filled in correctly. Check what you entered and try again.
error-429-title = Too many requests
error-429-text = You have made too many requests in a short time. Wait a moment and try again.
error-500-title = Internal error
error-500-text = Something went wrong on our side. Please try again later.
error-503-title = Temporarily unavailable
error-503-text = The platform is temporarily unavailable, for example for maintenance. Please try again in a few minutes.
error-back-home = Go to the home page
