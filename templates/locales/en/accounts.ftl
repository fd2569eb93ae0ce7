# Accounts, signing in and administration (English). Keep the keys in the same order as nl/accounts.ftl.

## Menu

nav-sign-in = Sign in
nav-sign-out = Sign out
nav-account = My account
nav-admin = Administration

## Roles

role-admin = Operator
role-city = City
role-buyer = Buyer
role-wise = Social enterprise

## Fields and buttons

field-email = Email address
field-password = Password
field-new-password = New password
field-password-confirm = Repeat the new password
field-current-password = Current password
field-name = Name
field-language = Language
field-role = Role
field-organisation-kvk = KvK number of the organisation
field-organisation-kvk-hint = For the social-enterprise role: the KvK number (8 digits) of the enterprise this person works for; for the buyer role (optional): that of their buying organisation.
password-hint = At least 12 characters. A sentence of a few unrelated words is strong and easy to remember.
save = Save
search = Search

## Notices

notice-password-set = Your password has been set. You can sign in now.
notice-signed-out = You have signed out.
notice-invited = The invitation has been sent.
notice-saved = Your changes have been saved.
notice-token-revoked = The API token has been revoked.
notice-user-changed = The user has been updated.

## Signing in

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-failed = The email address or the password is not correct.
sign-in-forgot = Forgotten your password?
back-to-sign-in = Back to signing in

## Forgotten and new passwords

forgot-title = Forgotten password
forgot-intro = Enter your email address. If it belongs to an account, we will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If this email address belongs to an account, an email with a link is on its way. The link works once and for one hour.
reset-title = Choose a new password
invitation-title = Welcome to wise-monitor
set-password-intro = Choose a password for { $email }.
set-password-submit = Set password
link-invalid-title = This link no longer works
link-invalid-text = The link has been used, has expired or is not correct. Ask for a new link.
link-invalid-new = Ask for a new link

## My account

account-title = My account
account-profile = Details
account-password = Change password
account-password-submit = Change password
account-tokens = API tokens
account-tokens-intro = With an API token, programs use the wise-monitor API on your behalf. Treat a token like a password.
account-token-created = Your new API token is below. Copy it now: it is shown only once.
token-name = Token name
token-prefix = Starts with
token-created = Created
token-last-used = Last used
token-status = Status
token-revoked = Revoked
token-revoke = Revoke
token-create = Create token

## User management

users-title = Users
users-search = Search by name or email address
users-state = Status
users-actions = Actions
users-active = Active
users-invited = Invited
users-disabled = Disabled
users-enable = Enable
users-disable = Disable
users-invite = Invite a user
users-invite-submit = Send invitation
audit-title = Audit log
audit-intro = Every security event, newest first. Times are in UTC.
audit-at = Time (UTC)
audit-actor = Who
audit-ip = IP address
audit-action = Event
audit-target = Target
audit-detail = Details

## Emails

mail-reset-subject = Choose a new password for wise-monitor
mail-reset-body = Someone (hopefully you) asked for a new password for your account. Choose one with the link below. The link works once and for { $minutes } minutes.
mail-reset-button = Choose a new password
mail-reset-ignore = Did you not ask for this? Then you can ignore this email; your password stays the same.
mail-invite-subject = You have been invited to wise-monitor
mail-invite-body = { $inviter } has created an account for you on wise-monitor, the platform of the region's social enterprises.
mail-invite-action = Choose your password with the link below. The link works once and for { $days } days.
mail-invite-button = Activate account
