# Inkopers: shortlist en vragen aan ondernemingen (Nederlands). Zelfde sleutels als en/buyers.ftl.

nav-shortlist = Mijn shortlist
shortlist-title = Mijn shortlist
shortlist-intro = Ondernemingen die u wilt onthouden, bijvoorbeeld voor een voorbehouden opdracht of een offerteaanvraag.
shortlist-empty = Uw shortlist is nog leeg.
shortlist-export = Download de shortlist voor Excel
shortlist-add = Op mijn shortlist zetten
shortlist-remove = Van de shortlist halen
shortlist-on = Deze onderneming staat op uw shortlist.
notice-shortlisted = De onderneming staat op uw shortlist.
notice-unlisted = De onderneming is van uw shortlist gehaald.
notice-enquiry-sent = Uw vraag is verstuurd. U krijgt een kopie per e-mail.
enquiry-title = Stel een vraag aan deze onderneming
enquiry-ask = Stel een vraag
enquiry-intro = Uw vraag gaat per e-mail naar de onderneming, met uw naam en e-mailadres zodat zij u kunnen antwoorden.
enquiry-subject = Onderwerp
enquiry-message = Uw vraag
enquiry-submit = Vraag versturen
mail-enquiry-subject = Vraag via wise-monitor: { $subject }
mail-enquiry-intro = { $buyer } heeft via wise-monitor een vraag gesteld aan { $wise }.
mail-enquiry-reply = Antwoord rechtstreeks aan { $email }.
mail-enquiry-copy-subject = Kopie van uw vraag aan { $wise }
mail-enquiry-copy-intro = Dit is een kopie van uw vraag aan { $wise }. Zij antwoorden u per e-mail.

## Bewaarde zoekopdrachten

nav-saved-searches = Bewaarde zoekopdrachten
saved-title = Mijn bewaarde zoekopdrachten
saved-intro = Een bewaarde zoekopdracht krijgt u dagelijks of wekelijks per e-mail, met de sociale ondernemingen en het aanbod die zij vindt en die sinds de vorige e-mail nieuw of gewijzigd zijn. Niets nieuws, geen e-mail.
saved-criteria = Zoekopdracht
saved-everything = Alle sociale ondernemingen in de catalogus
saved-save-heading = Deze zoekopdracht bewaren
saved-save-intro = Krijg een e-mail wanneer de zoekopdracht nieuwe of gewijzigde sociale ondernemingen of aanbod vindt.
saved-field-name = Naam
saved-field-frequency = E-mail mij
saved-field-query = Zoekopdracht
saved-save = Zoekopdracht bewaren
saved-save-changes = Wijzigingen bewaren
saved-change = Hernoemen of wijzigen
saved-delete = Verwijderen
saved-last-digest = laatste e-mail ging over wijzigingen tot { $at }
saved-no-digest-yet = nog geen e-mail
saved-empty = U hebt nog geen zoekopdracht bewaard. Zoek in de catalogus en kies 'Deze zoekopdracht bewaren'.
saved-notice-saved = Uw zoekopdracht is bewaard.
saved-notice-changed = Uw bewaarde zoekopdracht is gewijzigd.
saved-notice-deleted = Uw bewaarde zoekopdracht is verwijderd.
error-saved-search-name-taken = U hebt al een bewaarde zoekopdracht met deze naam.
error-saved-search-limit = U kunt hoogstens 50 zoekopdrachten bewaren. Verwijder er eerst een.
error-saved-search-query = Deze zoekopdracht bevat een fout; voer haar opnieuw uit vanaf de catalogus.
error-saved-search-duplicate = U bewaart deze zoekopdracht al onder een andere naam; u vindt hem bij Bewaarde zoekopdrachten.
frequency-daily = dagelijks
frequency-weekly = wekelijks
mail-saved-subject = { $search }: { $count ->
    [one] 1 sociale onderneming nieuw of gewijzigd
   *[other] { $count } sociale ondernemingen nieuw of gewijzigd
  }
mail-saved-intro = Sinds { $since } vindt uw bewaarde zoekopdracht '{ $search }' { $count ->
    [one] 1 sociale onderneming
   *[other] { $count } sociale ondernemingen
  } met iets nieuws of gewijzigds:
mail-saved-new-wise = nieuw in de catalogus
mail-saved-changed-wise = profiel bijgewerkt
mail-saved-new-offering = Nieuw
mail-saved-changed-offering = Gewijzigd
mail-saved-more = En nog { $count }: open de zoekopdracht om ze allemaal te zien.
mail-saved-open = Zoekopdracht openen
mail-saved-manage = Uw bewaarde zoekopdrachten wijzigen of verwijderen

## Registering as a buyer
buyer-register-link = Inkoper? Registreer u hier
buyer-register-title = Registreren als inkoper
buyer-register-intro = Als inkoper van een gemeente, andere overheid of bedrijf plaatst u inkoopvragen waar passende sociale ondernemingen op reageren. Na het bevestigen van uw e-mailadres keurt de beheerder een nieuwe organisatie goed; bij een bekende organisatie doen uw collega’s of de beheerder dat.
buyer-register-you = Over u
buyer-register-organisation = Uw organisatie
buyer-register-organisation-hint = Staat uw organisatie al op het platform, dan is het KvK-nummer genoeg; anders vult u ook naam en soort in.
buyer-register-submit = Registreren
buyer-register-sent-title = Kijk in uw e-mail
buyer-register-sent-text = We hebben een link gestuurd naar { $email }. Bevestig daarmee uw e-mailadres.
buyer-confirm-title = E-mailadres bevestigen
buyer-confirm-text = Bevestig het e-mailadres { $email } voor uw account als inkoper.
buyer-confirmed-new-title = E-mailadres bevestigd
buyer-confirmed-new-text = Dank u. De beheerder beoordeelt { $organisation } en laat u weten wanneer u inkoopvragen kunt plaatsen.
buyer-confirmed-member-title = E-mailadres bevestigd
buyer-confirmed-member-text = Dank u. Uw collega’s bij { $organisation } of de beheerder keuren uw account goed; u krijgt daarover bericht.
buyer-link-invalid-title = Deze link werkt niet meer
buyer-link-invalid-text = De link is al gebruikt, verlopen of niet juist. Registreer opnieuw of meld u aan als u uw adres al hebt bevestigd.
mail-buyer-confirm-subject = Bevestig uw e-mailadres voor wise-monitor
mail-buyer-confirm-body = U hebt zich als inkoper van { $organisation } geregistreerd. Bevestig uw e-mailadres met de link hieronder; die werkt één keer en { $days } dagen lang. Hebt u zich niet geregistreerd? Dan kunt u dit bericht negeren.
mail-buyer-waiting-subject = Inkoper wacht op goedkeuring: { $buyer } ({ $organisation })
mail-buyer-waiting-new = { $buyer } heeft de nieuwe inkopende organisatie { $organisation } geregistreerd en het e-mailadres bevestigd. Keur de organisatie goed op haar pagina.
mail-buyer-waiting-member = { $buyer } heeft zich geregistreerd als inkoper van { $organisation } en het e-mailadres bevestigd. Keur de inkoper goed op de pagina van de organisatie.
mail-buyer-approved-subject = Uw account als inkoper voor { $organisation } is goedgekeurd
mail-buyer-approved-body = U kunt nu namens { $organisation } inkoopvragen plaatsen en volgen.
buyers-field-user-name = Uw naam
buyers-field-user-email = Uw e-mailadres
buyers-field-password = Wachtwoord
buyers-field-password-confirm = Herhaal het wachtwoord
