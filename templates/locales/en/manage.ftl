# "My WISE": editing a social enterprise's profile and offerings (English).
# Keep the keys in the same order as nl/manage.ftl.

## Menu and overview

nav-manage = My enterprise
manage-title = My social enterprises
manage-intro = Choose the enterprise whose profile or goods and services you want to edit.
manage-none = Your account is not linked to a social enterprise yet. Ask the operator to link it.
manage-edit-profile = Edit profile
manage-view-public = View public page
manage-pick-heading = Open any enterprise
manage-pick-intro = As the operator you can edit every enterprise. Enter its KvK number (8 digits).
manage-pick-submit = Open
manage-sections = Parts of this enterprise
manage-section-profile = Profile
manage-section-figures = Figures
manage-section-offerings = Goods and services

## Forms in general

manage-errors-heading = Not everything was filled in correctly
manage-choose = Choose…
manage-cancel = Cancel
manage-date-hint = For example 2027-03-31.
manage-notice-saved = Your changes have been saved.
manage-notice-created = The good or service has been added.
manage-notice-activated = The good or service is shown in the catalogue again.
manage-notice-deactivated = The good or service has been hidden from the catalogue.
manage-notice-deleted = The good or service has been deleted.
manage-error-unknown-kvk = There is no enterprise with this KvK number.
manage-error-date = Enter a date as year-month-day, for example 2027-03-31.
manage-error-primary-sector = Choose a primary sector.
manage-error-cpv-required = Choose a CPV code: search for it and select one of the matching codes.

## Profile

manage-profile-title = Profile of { $name }
manage-basics = The enterprise
manage-contact = Contact details
manage-address = Visiting address
manage-certificates = Labels and certificates
manage-kvk-fixed = The KvK number cannot be changed here. Contact the operator if it is wrong.
manage-field-kvk-number = KvK number
manage-field-name = Name
manage-field-legal-form = Legal form
manage-legal-form-hint = For example BV, stichting or coöperatie.
manage-field-founded-year = Year founded
manage-field-market-income-pct = Share of income earned on the market (%)
manage-market-income-hint = A whole number from 0 to 100.
manage-field-description = Description
manage-description-hint = Plain text, at most { $max } characters.
manage-field-website = Website
manage-website-hint = The full address, starting with https://
manage-field-email = Email address
manage-field-phone = Phone number
manage-field-street = Street and number
manage-field-postcode = Postcode
manage-field-municipality = Municipality
manage-field-district = District (optional)
manage-field-sectors = Sectors
manage-field-primary-sector = Primary sector
manage-primary-sector-hint = Sector reports count the enterprise under this sector.
manage-other-sectors = Other sectors
manage-field-target-groups = Target groups employed
manage-target-groups-hint = The groups of people with a distance to the labour market who work at the enterprise.
manage-field-pso-level = PSO level
manage-pso-none = No PSO certificate
manage-field-pso-valid-until = PSO certificate valid until
manage-field-cso-status = Code Sociale Ondernemingen
manage-cso-none = Not registered
manage-field-sena-member = Member of Social Enterprise NL
manage-field-certifications = Other labels and certificates
manage-certifications-hint = A name and, if it has one, the date until which it is valid. Empty a row to remove it.
manage-cert-name-col = Name
manage-cert-valid-until-col = Valid until
manage-cert-name = Name of certificate { $number }
manage-cert-valid-until = Certificate { $number } valid until
manage-save-profile = Save profile

## Goods and services

manage-offerings-title = Goods and services of { $name }
manage-offerings-intro = Visible goods and services appear on your public profile, where buyers find them. Hidden ones are kept but not shown.
manage-offerings-none = You have not added any goods or services yet.
manage-offering-new = Add a good or service
manage-offering-status = Status
manage-offering-active = Visible
manage-offering-inactive = Hidden
manage-offering-updated = Last changed
manage-offering-actions = Actions
manage-offering-edit = Edit
manage-offering-deactivate = Hide from the catalogue
manage-offering-activate = Show in the catalogue
manage-offering-delete = Delete…
manage-offering-new-title = New good or service
manage-offering-edit-title = Edit “{ $title }”
manage-offering-hidden-note = This good or service is hidden from the catalogue. Show it again from the list of goods and services.
manage-offering-details = What you offer
manage-offering-terms = Price and delivery
manage-field-title = Title
manage-field-kind = Kind
manage-field-cpv-code = CPV code
manage-cpv-intro = The CPV code (the EU procurement vocabulary) tells buyers what you supply. Search for a code and choose the one that fits best.
manage-field-cpv-query = Search for a CPV code
manage-cpv-query-hint = The start of a code (e.g. 4521) or words in English or Dutch (e.g. window cleaning, catering, schoonmaak).
manage-cpv-find = Find codes
manage-cpv-current = chosen
manage-cpv-found = Choose one of the matching codes.
manage-cpv-more = Only the first { $limit } matching codes are shown; make your search more specific.
manage-cpv-none-found = No codes found. Try fewer or other words, or a shorter code.
manage-field-service-area = Service area
manage-field-municipalities = Municipalities
manage-municipalities-hint = Only for “Selected municipalities”: one per line, or separated by commas.
manage-field-service-radius-km = Radius in km
manage-radius-hint = Only for “Radius around the address”: a whole number of kilometres (1 to 1000).
manage-field-price-indication = Price indication
manage-field-lead-time = Capacity and lead time
manage-save-offering = Save
manage-add-offering = Add
manage-delete-title = Delete “{ $title }”?
manage-delete-text = The good or service will be deleted for good and cannot be restored.
manage-delete-confirm = Delete for good
manage-delete-hide-instead = Only want to take it out of the catalogue for a while?
manage-kind-from-cpv = From the CPV code
manage-kind-hint = Leave this and it follows from the CPV code: 45 is works, 03–44 and 48 are goods, the rest services.
