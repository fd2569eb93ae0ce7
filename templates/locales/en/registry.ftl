# Registration of social enterprises and the operator's queue (English).
# Keep the keys in the same order as nl/registry.ftl.

## Links elsewhere

registry-link = Register your social enterprise
registry-nav-organisations = Enterprises

## Registration form

registry-title = Register your social enterprise
registry-intro = Register your social enterprise to be listed in the catalogue. After you have confirmed your email address, the operator reviews your application. Your enterprise becomes visible as soon as it has been approved.
registry-errors = Not everything was filled in correctly. Check the fields marked below.
registry-organisation = Your enterprise
registry-field-kvk = KvK number
registry-field-kvk-hint = The 8 digits of your registration with the Chamber of Commerce (KvK).
registry-field-name = Name of the enterprise
registry-field-legal-form = Legal form (optional)
registry-field-legal-form-hint = For example: foundation, private limited company (BV) or cooperative.
registry-field-founded-year = Year founded (optional)
registry-field-description = Short description
registry-field-description-hint = What your enterprise does and who works there, in plain text of at most 2,000 characters.
registry-field-market-income = Share of income earned on the market, in % (optional)
registry-field-market-income-hint = Income from selling goods and services, as a percentage of your total income (0 to 100).
registry-contact = Address and contact details
registry-field-street = Street and house number (optional)
registry-field-postcode = Postcode (optional)
registry-field-municipality = Municipality
registry-field-district = District (optional)
registry-field-website = Website (optional)
registry-field-email = General email address (optional)
registry-field-email-hint = The address buyers can write to. It is shown on your profile.
registry-field-phone = Phone number (optional)
registry-classification = Sectors and target groups
registry-field-primary-sector = Primary sector
registry-field-primary-sector-hint = The sector your enterprise mainly works in. Reports count your enterprise under this sector.
registry-choose = Choose a sector
registry-field-other-sectors = Other sectors (optional)
registry-field-target-groups = Target groups working at your enterprise (optional)
registry-account = Your account
registry-account-intro = With this account you sign in to keep your enterprise's profile and figures up to date.
registry-field-user-name = Your name
registry-field-user-email = Your email address
registry-field-user-email-hint = We send a link to this address to confirm it.
registry-field-password-confirm = Repeat the password
registry-submit = Submit application
registry-have-account = Already have an account?

## After applying

registry-sent-title = Check your email
registry-sent-text = If { $email } belongs to an application that awaits confirmation, an email with a link to confirm the address is on its way.
registry-sent-registered = We have sent an email to { $email } with a link to confirm your email address.
registry-sent-next = Once you have confirmed your email address, the operator reviews your application. You will receive an email when your enterprise has been approved, or when something needs to change.
registry-resend-title = No email received?
registry-resend-intro = Check your spam folder first. Or ask for a new link; earlier links then stop working.
registry-resend-new = Ask for a new link
registry-resend-new-intro = Enter the email address you registered with. If your application still awaits confirmation, we send you a new link.
registry-resend-submit = Send a new link

## Confirming the email address

registry-confirm-title = Confirm your email address
registry-confirm-text = Confirm that { $email } is your email address, to complete the application of { $organisation }.
registry-confirm-submit = Confirm my email address
registry-confirmed-title = Thank you, your email address has been confirmed
registry-confirmed-text = The operator now reviews the application of { $organisation }. You will receive an email as soon as it has been approved, or when something needs to change.
registry-confirmed-sign-in = You can already sign in with your email address and password.
registry-link-invalid-title = This link no longer works
registry-link-invalid-text = The link has been used, has expired or is not correct. Ask for a new link below, or sign in if you have already confirmed your email address.

## The operator's queue

registry-queue-title = Enterprises
registry-queue-intro = Applications and the status of every social enterprise. Pending applications come oldest first.
registry-filter-label = Filter by status
registry-filter-all = All
registry-queue-count =
    { $count ->
        [0] No enterprises
        [one] One enterprise
       *[other] { $count } enterprises
    }
registry-queue-empty = There are no enterprises with this status.
registry-col-name = Enterprise
registry-col-status = Status
registry-col-created = Applied or added on
registry-col-email = Email address confirmed
registry-confirmed-yes = Confirmed
registry-confirmed-no = Not confirmed yet
registry-confirmed-on = Confirmed on { $date }
registry-confirmed-na = Not registered through the form
registry-notice-approved = The enterprise has been approved. Its users receive an email.
registry-notice-changes-requested = The request for changes has been sent to the enterprise.
registry-notice-suspended = The enterprise has been suspended. Its users receive an email.
registry-notice-reinstated = The enterprise has been reinstated. Its users receive an email.

## Reviewing one enterprise

registry-review-reason = Message to the enterprise
registry-review-public = View the public profile
registry-review-application = Application
registry-review-applied = Applied on
registry-review-applicant = Applicant
registry-review-unconfirmed = The applicant has not confirmed their email address yet. You can approve the enterprise once they have.
registry-review-not-registered = This enterprise was not registered through the form, but added by an operator, an import or the demo data.
registry-review-details = Details
registry-review-users = Users
registry-review-decide = Decision
registry-approve = Approve
registry-approve-text = The enterprise becomes visible in the catalogue, and its users receive an email.
registry-field-message = What needs to change
registry-request-changes-hint = The enterprise receives this message by email and stays pending.
registry-request-changes = Ask for changes
registry-field-reason = Reason for suspending
registry-suspend-hint = The enterprise receives the reason by email. A suspended enterprise is not visible in the catalogue.
registry-suspend = Suspend
registry-reinstate-text = The enterprise becomes visible in the catalogue again, and its users receive an email.
registry-reinstate = Reinstate

## Validation errors

error-registry-kvk-taken = An enterprise with this KvK number has already been registered. Contact the operator if this is your enterprise.
error-registry-unconfirmed = This enterprise cannot be approved yet: the applicant has not confirmed their email address.
error-registry-status = This is not possible for an enterprise with this status. Its status may have changed in the meantime.

## Emails

mail-registry-confirm-subject = Confirm your email address for wise-monitor
mail-registry-confirm-body = Thank you for registering { $organisation } on wise-monitor. Confirm your email address with the link below. The link works once and for { $days } days.
mail-registry-confirm-button = Confirm email address
mail-registry-confirm-next = After that, the operator reviews your application. Did you not register? Then you can ignore this email.
mail-registry-received-subject = New application: { $organisation }
mail-registry-received-body = { $organisation } (KvK { $kvk }) has registered and confirmed its email address. The application awaits your review.
mail-registry-received-button = Review the application
mail-registry-approved-subject = { $organisation } is now listed on wise-monitor
mail-registry-approved-body = Good news: the operator has approved { $organisation }. Your enterprise is now visible in the catalogue.
mail-registry-approved-button = View your profile
mail-registry-changes-subject = Your application for { $organisation }: changes needed
mail-registry-changes-body = The operator has reviewed the application of { $organisation } and asks you to change the following:
mail-registry-changes-action = Sign in to update your details. Your application stays pending until then.
mail-registry-changes-button = Sign in
mail-registry-suspended-subject = { $organisation } has been suspended on wise-monitor
mail-registry-suspended-body = The operator has suspended { $organisation }. Your enterprise is no longer visible in the catalogue. The reason:
mail-registry-suspended-contact = Do you have questions, or has the situation changed? Reply to this email to contact the operator.
mail-registry-reinstated-subject = { $organisation } is visible on wise-monitor again
mail-registry-reinstated-body = The operator has reinstated { $organisation }. Your enterprise is visible in the catalogue again.
