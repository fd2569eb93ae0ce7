# Buyers: shortlist and enquiries to enterprises (English). Same keys as nl/buyers.ftl.

nav-shortlist = My shortlist
shortlist-title = My shortlist
shortlist-intro = Enterprises you want to remember, for instance for a reserved contract or a request for quotation.
shortlist-empty = Your shortlist is still empty.
shortlist-export = Download the shortlist for Excel
shortlist-add = Add to my shortlist
shortlist-remove = Remove from the shortlist
shortlist-on = This enterprise is on your shortlist.
notice-shortlisted = The enterprise is on your shortlist.
notice-unlisted = The enterprise has been removed from your shortlist.
notice-enquiry-sent = Your question has been sent. You will receive a copy by email.
enquiry-title = Ask this enterprise a question
enquiry-ask = Ask a question
enquiry-intro = Your question goes to the enterprise by email, with your name and email address so they can answer you.
enquiry-subject = Subject
enquiry-message = Your question
enquiry-submit = Send question
mail-enquiry-subject = Question via wise-monitor: { $subject }
mail-enquiry-intro = { $buyer } has asked { $wise } a question through wise-monitor.
mail-enquiry-reply = Reply directly to { $email }.
mail-enquiry-copy-subject = Copy of your question to { $wise }
mail-enquiry-copy-intro = This is a copy of your question to { $wise }. They will answer you by email.

## Saved searches

nav-saved-searches = Saved searches
saved-title = My saved searches
saved-intro = A saved search is mailed to you daily or weekly, with the social enterprises and offerings it finds that are new or changed since the last mail. Nothing new, no mail.
saved-criteria = Search
saved-everything = Every social enterprise in the catalogue
saved-save-heading = Save this search
saved-save-intro = Receive an email when the search finds new or changed social enterprises or offerings.
saved-field-name = Name
saved-field-frequency = Email me
saved-field-query = Search
saved-save = Save search
saved-save-changes = Save changes
saved-change = Rename or change
saved-delete = Delete
saved-last-digest = last mail covered changes up to { $at }
saved-no-digest-yet = no mail yet
saved-empty = You have not saved a search yet. Search the catalogue and choose "Save this search".
saved-notice-saved = Your search is saved.
saved-notice-changed = Your saved search is changed.
saved-notice-deleted = Your saved search is deleted.
error-saved-search-name-taken = You already have a saved search with this name.
error-saved-search-limit = You can keep at most 50 saved searches. Delete one first.
error-saved-search-query = This search has an error; run it again from the catalogue page.
error-saved-search-duplicate = You already keep this search under another name; find it under Saved searches.
frequency-daily = daily
frequency-weekly = weekly
mail-saved-subject = { $search }: { $count ->
    [one] 1 social enterprise new or changed
   *[other] { $count } social enterprises new or changed
  }
mail-saved-intro = Since { $since }, your saved search "{ $search }" finds { $count ->
    [one] 1 social enterprise
   *[other] { $count } social enterprises
  } with something new or changed:
mail-saved-new-wise = new in the catalogue
mail-saved-changed-wise = profile updated
mail-saved-new-offering = New
mail-saved-changed-offering = Changed
mail-saved-more = And { $count } more: open the search to see them all.
mail-saved-open = Open the search
mail-saved-manage = Change or delete your saved searches

## Registering as a buyer
buyer-register-link = A buyer? Register here
buyer-register-title = Register as a buyer
buyer-register-intro = As a buyer for a municipality, another public body or a company you post needs that matching social enterprises answer. Once you have confirmed your email address, the operator approves a new organisation; for a known organisation your colleagues or the operator approve you.
buyer-register-you = About you
buyer-register-organisation = Your organisation
buyer-register-organisation-hint = If your organisation is on the platform already, its KvK number is enough; otherwise give its name and kind too.
buyer-register-submit = Register
buyer-register-sent-title = Check your email
buyer-register-sent-text = We sent a link to { $email }. Use it to confirm your email address.
buyer-confirm-title = Confirm your email address
buyer-confirm-text = Confirm the email address { $email } for your buyer account.
buyer-confirmed-new-title = Email address confirmed
buyer-confirmed-new-text = Thank you. The operator reviews { $organisation } and tells you when you can post needs.
buyer-confirmed-member-title = Email address confirmed
buyer-confirmed-member-text = Thank you. Your colleagues at { $organisation } or the operator approve your account; you will hear when they have.
buyer-link-invalid-title = This link no longer works
buyer-link-invalid-text = The link has been used, has expired or is not correct. Register again, or sign in if you have confirmed your address already.
mail-buyer-confirm-subject = Confirm your email address for wise-monitor
mail-buyer-confirm-body = You registered as a buyer for { $organisation }. Confirm your email address with the link below; it works once and for { $days } days. Did you not register? Then you can ignore this email.
mail-buyer-waiting-subject = A buyer awaits approval: { $buyer } ({ $organisation })
mail-buyer-waiting-new = { $buyer } registered the new buying organisation { $organisation } and confirmed their email address. Approve the organisation on its page.
mail-buyer-waiting-member = { $buyer } registered as a buyer for { $organisation } and confirmed their email address. Approve the buyer on the organisation's page.
mail-buyer-approved-subject = Your buyer account for { $organisation } is approved
mail-buyer-approved-body = You can now post and follow needs for { $organisation }.
buyers-field-user-name = Your name
buyers-field-user-email = Your email address
buyers-field-password = Password
buyers-field-password-confirm = Repeat the password
