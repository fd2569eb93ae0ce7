# Inkopers: shortlist en vragen aan ondernemingen (Nederlands). Zelfde sleutels als en/buyers.ftl.

nav-shortlist = Mijn shortlist
shortlist-title = Mijn shortlist
shortlist-intro = Ondernemingen die u wilt onthouden, bijvoorbeeld voor een voorbehouden opdracht of een offerteaanvraag.
shortlist-empty = Uw shortlist is nog leeg.
shortlist-export = Download de shortlist (CSV)
shortlist-add = Op mijn shortlist zetten
shortlist-remove = Van de shortlist halen
shortlist-on = Deze onderneming staat op uw shortlist.
notice-shortlisted = De onderneming staat op uw shortlist.
notice-unlisted = De onderneming is van uw shortlist gehaald.
notice-enquiry-sent = Uw vraag is verstuurd. U krijgt een kopie per e-mail.
enquiry-title = Stel een vraag aan deze onderneming
enquiry-intro = Uw vraag gaat per e-mail naar de onderneming, met uw naam en e-mailadres zodat zij u kunnen antwoorden.
enquiry-subject = Onderwerp
enquiry-message = Uw vraag
enquiry-submit = Vraag versturen
mail-enquiry-subject = Vraag via wise-monitor: { $subject }
mail-enquiry-intro = { $buyer } heeft via wise-monitor een vraag gesteld aan { $wise }.
mail-enquiry-reply = Antwoord rechtstreeks aan { $email }.
mail-enquiry-copy-subject = Kopie van uw vraag aan { $wise }
mail-enquiry-copy-intro = Dit is een kopie van uw vraag aan { $wise }. Zij antwoorden u per e-mail.
