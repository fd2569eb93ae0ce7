# Buyers: shortlist and enquiries to enterprises (English). Same keys as nl/buyers.ftl.

nav-shortlist = My shortlist
shortlist-title = My shortlist
shortlist-intro = Enterprises you want to remember, for instance for a reserved contract or a request for quotation.
shortlist-empty = Your shortlist is still empty.
shortlist-export = Download the shortlist (CSV)
shortlist-add = Add to my shortlist
shortlist-remove = Remove from the shortlist
shortlist-on = This enterprise is on your shortlist.
notice-shortlisted = The enterprise is on your shortlist.
notice-unlisted = The enterprise has been removed from your shortlist.
notice-enquiry-sent = Your question has been sent. You will receive a copy by email.
enquiry-title = Ask this enterprise a question
enquiry-intro = Your question goes to the enterprise by email, with your name and email address so they can answer you.
enquiry-subject = Subject
enquiry-message = Your question
enquiry-submit = Send question
mail-enquiry-subject = Question via wise-monitor: { $subject }
mail-enquiry-intro = { $buyer } has asked { $wise } a question through wise-monitor.
mail-enquiry-reply = Reply directly to { $email }.
mail-enquiry-copy-subject = Copy of your question to { $wise }
mail-enquiry-copy-intro = This is a copy of your question to { $wise }. They will answer you by email.
