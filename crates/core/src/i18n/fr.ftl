# Les messages faits en Rust, en français : les mêmes que en.ftl, erreurs comprises.

## La langue elle-même : son nom, et la locale de ses dates

language-name = Français
language-locale = fr-FR

## L’application de trousseau de chaque système, nommée dans les erreurs du trousseau

keychain-app-macos = Trousseau d’accès
keychain-app-windows = Gestionnaire d’identification
keychain-app-linux = Mots de passe et clés

## Dates : « 28 novembre 2026 »

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
long-date = { $day } { $month } { $year }

## Un changement fait ici que le serveur ne connaît pas encore

not-registered-yet = Pas encore enregistrée sur le serveur de l’espace de travail ; elle le sera dès que le serveur sera joignable.
origins-not-on-server = Enregistré sur cet ordinateur. Le serveur n’a pas encore été prévenu : il accepte donc la clé depuis les adresses web qu’il connaissait jusqu’à ce que Toucan Keys puisse le joindre.
limits-not-on-server = Enregistré sur cet ordinateur. Le serveur n’a pas encore été prévenu : il applique donc les limites qu’il connaissait jusqu’à ce que Toucan Keys puisse le joindre.
revoked-not-on-server = Révoquée sur cet ordinateur. Le serveur n’a pas encore été prévenu : la clé y fonctionne donc jusqu’à ce que Toucan Keys puisse le joindre.
deleted-not-confirmed = Supprimée sur cet ordinateur. Le serveur n’a pas encore confirmé la révocation ; Toucan Keys le préviendra dès qu’il pourra le joindre.
roll-not-on-server = Le serveur ne connaît pas encore la nouvelle clé, ni le moment où l’ancienne doit cesser de fonctionner. Utilisez « Terminer le renouvellement » dès que le serveur est joignable.
roll-old-not-revoked = L’ancienne clé n’a pas encore pu être révoquée sur cet ordinateur ; Toucan Keys réessaiera à son prochain démarrage et toutes les heures.
roll-old-not-revoked-on-server = L’ancienne clé est révoquée ici, mais le serveur n’a pas encore été prévenu : elle y fonctionne donc jusqu’à ce que Toucan Keys puisse le joindre.

## Quelle est cette clé ?

identify-unknown = C’est une clé Toucan bien formée, mais aucune des clés de cet ordinateur.
identify-found = C’est « { $name } » ({ $hint }), créée le { $created } ; { $state }.
state-revoked-on = révoquée le { $date }
state-expired-on = expirée le { $date }
state-active-expires = active, expire le { $date }
state-active-never = active, n’expire jamais
state-retiring-until = remplacée par une clé plus récente, fonctionne jusqu’au { $date }
state-leaked-on = trouvée en public le { $date } ; renouvelez-la
state-missing = son secret manque dans le trousseau de cet ordinateur
state-active = active
server-unknown-key = Le serveur de l’espace de travail ({ $host }) ne connaît pas cette clé.
server-view = Sur le serveur de l’espace de travail ({ $host }) : « { $name } », { $state }, { $used }.
never-used = jamais utilisée
last-used-on = utilisée pour la dernière fois le { $date }

## Rappels d’expiration (notifications)

reminder-expired-title = « { $name } » a expiré
reminder-expired-body = Elle a cessé de fonctionner le { $date }. Renouvelez-la dans Toucan Keys pour en obtenir une nouvelle.
reminder-expires-in = { $days ->
    [one] « { $name } » expire d’ici un jour
   *[other] « { $name } » expire dans { $days } jours
}
reminder-body = Renouvelez-la avant le { $date } pour que votre backend continue de fonctionner.
reminder-leaked-title = « { $name } » a été trouvée en public
reminder-leaked-revoked-body = Elle a été publiée le { $date }, et le serveur l’a révoquée. Renouvelez-la dans Toucan Keys pour en obtenir une nouvelle.
reminder-leaked-body = Elle a été publiée le { $date }. Elle fonctionne encore, pour n’importe qui : renouvelez-la dans Toucan Keys maintenant.
leak-unknown-place = un endroit que le signalement ne nomme pas
leak-notice-revoked = « { $name } » a été trouvée en public à l’adresse { $url } le { $date }. Le serveur l’a révoquée. Renouvelez-la dans Toucan Keys pour en obtenir une nouvelle, et mettez la nouvelle clé là où l’ancienne servait.
leak-notice = « { $name } » a été trouvée en public à l’adresse { $url } le { $date }. Elle fonctionne encore, pour quiconque l’a vue : renouvelez-la dans Toucan Keys maintenant.

## La question de connexion (une boîte de dialogue du système)

connect-title = Se connecter à un serveur d’espace de travail ?
connect-why = Quand vous générez des jetons de session, Toucan Keys envoie vos clés d’API à ce serveur.
connect-new = Se connecter à { $server } ?

    { $why } Ne vous connectez qu’au serveur de votre propre espace de travail.
connect-switch = Se connecter à { $server } à la place de { $previous } ?

    { $why } Les clés enregistrées sur { $previous } ne sont toujours envoyées que là-bas.
connect-still-working = { $count ->
    [one] Révoquée ici mais pas encore sur { $server } : { $names }. Elle y fonctionne encore jusqu’à ce que vous vous reconnectiez à ce serveur.
   *[other] Révoquées ici mais pas encore sur { $server } : { $names }. Elles y fonctionnent encore jusqu’à ce que vous vous reconnectiez à ce serveur.
}
quoted-name = « { $name } »
list-and = { " et " }
connect-button = Se connecter
cancel-button = Annuler

## Les erreurs

error-name-empty = Donnez un nom à la clé.
error-name-too-long = Ce nom compte { $chars } caractères. Utilisez-en { $max } au plus.
error-name-invalid = Un nom ne peut pas contenir de saut de ligne, de tabulation ni d’autre caractère de contrôle invisible.
error-name-taken = Vous avez déjà une clé active nommée « { $name } ». Choisissez un autre nom.
error-expiry-in-past = Choisissez une date d’expiration postérieure à aujourd’hui.
error-key-not-found = Cette clé n’existe plus. Elle a peut-être été supprimée dans une autre fenêtre.
error-key-not-named = Aucune de vos clés ne s’appelle « { $wanted } » ni n’a cet identifiant. La liste affiche vos clés.
error-key-revoked = Cette clé a été révoquée et ne peut plus être utilisée.
error-key-leaked = Cette clé a été trouvée en public : elle n’est plus fournie. Renouvelez-la pour obtenir une remplaçante.
error-key-expired = Cette clé a expiré le { $on } et ne peut plus être utilisée. Créez une nouvelle clé pour la remplacer.
error-key-already-rolled = Cette clé est déjà en cours de remplacement par « { $replacement } ». Renouvelez plutôt celle-là.
error-key-not-revoked = Révoquez cette clé avant de la supprimer.
error-key-already-listed = Cette clé est déjà dans votre liste. Cherchez-la là.
error-origin-invalid = « { $origin } » n’est pas une adresse web qu’une page peut avoir. Écrivez-la sous la forme https://boutique.exemple.fr (http:// seulement pour localhost), sans chemin.
error-too-many-origins = Une clé peut être limitée à { $max } adresses web au plus.
error-origin-not-allowed = Cette clé ne peut servir que depuis { $allowed }. Choisissez où le jeton sera utilisé.
error-key-wrong-prefix = Ce n’est pas une clé d’API Toucan : elle devrait commencer par « tck_ ».
error-key-wrong-length = Cette clé compte { $found } caractères, mais une clé d’API Toucan en compte { $expected }. Une partie manque peut-être ; copiez-la à nouveau.
error-key-bad-character = Cette clé contient un caractère impossible dans une clé, en position { $position }. Copiez-la à nouveau.
error-key-checksum-mismatch = Cette clé contient une faute de frappe : ses caractères de contrôle ne correspondent pas. Copiez-la à nouveau.
error-key-typo-at = Cette clé contient une faute de frappe vers le caractère { $position } (le t de tck_ compte pour 1). Regardez à cet endroit là où vous l’avez copiée, ou copiez-la à nouveau.
error-keychain-locked = Votre trousseau est verrouillé. Déverrouillez-le (par exemple en vous reconnectant, ou dans { $app }) et réessayez.
error-keychain-unavailable = Le trousseau de votre ordinateur n’est pas disponible : la clé ne peut pas être gardée en sécurité. Vérifiez qu’un service de trousseau fonctionne (sous Linux : GNOME Keyring ou KWallet), puis réessayez.
error-secret-missing = Le secret de cette clé n’est plus dans votre trousseau ({ $app }). Il a peut-être été supprimé hors de Toucan Keys ; révoquez cette clé et créez-en une nouvelle.
error-secret-unreadable = L’entrée du trousseau de cette clé a été modifiée (dans { $app } ou par un autre programme) et n’est plus une clé valide. Révoquez cette clé et créez-en une nouvelle.
error-keychain-failed = Votre trousseau a refusé la demande ({ $detail }). Réessayez ; si cela se reproduit, ouvrez { $app } pour vérifier le trousseau, ou redémarrez votre ordinateur.
error-registry-corrupt = La liste des clés ({ $path }) est endommagée et illisible. Elle a été laissée telle quelle pour ne rien perdre ; déplacez-la ailleurs pour commencer une nouvelle liste, ou restaurez-la depuis une sauvegarde.
error-registry-too-new = La liste des clés ({ $path }) a été enregistrée par une version plus récente de Toucan Keys (format { $found }). Mettez l’application à jour pour l’ouvrir ; elle a été laissée telle quelle.
error-disk-full = Votre disque est plein : la liste des clés n’a pas pu être enregistrée. Libérez de la place et réessayez ; rien n’a été modifié.
error-settings-corrupt = Vos réglages ({ $path }) sont endommagés et illisibles. Ils ont été laissés tels quels ; supprimez le fichier pour revenir aux réglages par défaut.
error-workspace-corrupt = Le fichier de connexion à l’espace de travail ({ $path }) est endommagé et illisible. Il a été laissé tel quel car il peut lister des clés révoquées dont le serveur n’a pas encore été prévenu. Restaurez-le depuis une sauvegarde si vous en avez une ; vos clés continuent de fonctionner sur cet ordinateur en attendant.
error-autostart = Toucan Keys n’a pas pu modifier son lancement à l’ouverture de session ({ $detail }). Réessayez, ou modifiez-le dans les réglages de démarrage de votre système.
error-activity-corrupt = Le fichier d’historique { $path } (activité des clés ou rappels d’expiration) est endommagé et illisible. Vos clés ne sont pas touchées ; déplacez le fichier pour commencer un nouvel historique.
error-file-too-new = Le fichier { $path } a été enregistré par une version plus récente de Toucan Keys (format { $found }). Mettez l’application à jour pour l’utiliser ; il a été laissé tel quel.
error-display-name-invalid = Saisissez un nom de 1 à 64 caractères.
error-clear-delay-out-of-range = Choisissez un délai d’effacement entre 10 secondes et 5 minutes, ou jamais.
error-clipboard = La clé n’a pas pu être copiée dans le presse-papiers ({ $detail }). Réessayez.
error-distinct-id-invalid = Saisissez l’identifiant de l’utilisateur dans votre propre système (par exemple user-42), 256 caractères au plus.
error-attribute-invalid = Ligne d’attribut { $row } : { $problem }.
error-no-token-to-copy = Générez d’abord un jeton, puis copiez-le.
error-lifetime-out-of-range = Choisissez une durée de jeton entre 1 minute et 24 heures.
error-storage = La liste des clés ({ $path }) n’a pas pu être enregistrée ou lue ({ $detail }). Rien n’a été modifié ; vérifiez les permissions du dossier et réessayez.
error-server-url-no-scheme = Cette adresse ne commence pas par https://. Vouliez-vous dire { $suggestion } ?
error-server-url-invalid = Ce n’est pas une adresse de serveur. Saisissez-en une comme https://embed.example.com.
error-server-url-insecure = Utilisez une adresse qui commence par https://. Le simple http:// n’est permis que pour un serveur sur cet ordinateur (localhost).
error-account-token-invalid = Cela ne ressemble pas à un jeton de compte. Il commence par tka_ et s’affiche une seule fois au premier démarrage du serveur ; copiez-le à nouveau, en entier.
error-workspace-not-connected = Toucan Keys n’est connecté à aucun serveur d’espace de travail. Connectez-en un d’abord dans la section Espace de travail.
error-account-token-missing = Le jeton de compte de { $host } n’est plus dans votre trousseau. Reconnectez-vous à l’espace de travail.
error-connection-not-confirmed = La connexion à { $host } n’a pas été confirmée : rien n’a changé. Vos clés ne sont envoyées qu’à un serveur que vous confirmez.
error-key-bound-elsewhere = Cette clé a été enregistrée sur { $server } : Toucan Keys ne l’envoie que là-bas. Connectez-vous à { $server } pour l’utiliser, ou créez une nouvelle clé pour ce serveur.
error-server-unreachable-local = Rien ne répond à l’adresse { $host } sur cet ordinateur. Le serveur est-il lancé ? Démarrez-le, vérifiez le port, puis réessayez. Vos clés sur cet ordinateur continuent de fonctionner.
error-server-unreachable = Impossible de joindre le serveur { $host }. Vérifiez votre connexion à Internet et l’adresse du serveur, puis réessayez. Vos clés continuent de fonctionner sur cet ordinateur.
error-server-timeout = Le serveur { $host } a mis trop de temps à répondre. Réessayez dans un instant.
error-server-tls-local = La connexion sécurisée à { $host } a échoué : { $reason }. Un serveur sur cet ordinateur parle en général le HTTP simple : essayez l’adresse avec http:// au lieu de https://. Rien n’a été envoyé.
error-server-tls = La connexion sécurisée à { $host } a échoué ({ $reason }). Vérifiez l’adresse ; si elle est juste, demandez à la personne qui gère le serveur de corriger son certificat. Rien n’a été envoyé.
error-account-token-rejected = Le serveur { $host } n’a pas accepté le jeton de compte. Copiez à nouveau le jeton depuis le serveur et reconnectez-vous.
error-server-refused = Le serveur a refusé : { $message }
error-key-limit-role = Cette clé ne peut accorder que le rôle { $allowed } ; la demande voulait { $asked }.
error-key-limit-permission = Cette clé peut accorder au plus { $resource }:{ $allowed } ; la demande voulait { $resource }:{ $asked }.
error-key-limit-permission-none = Cette clé ne peut accorder aucune permission sur { $resource } ; la demande voulait { $resource }:{ $asked }.
error-key-limit-fixed-attribute = Cette clé fixe toujours { $name } à « { $fixed } » ; la demande voulait « { $asked } ». Omettez { $name }, ou utilisez la clé créée pour ce client.
error-key-limit-lifetime = Les jetons de cette clé durent au plus { $max ->
        [one] 1 minute
       *[other] { $max } minutes
    } ; la demande voulait { $asked ->
        [one] 1 minute
       *[other] { $asked } minutes
    }.
error-key-limit-network = Cette clé ne peut servir que depuis { $allowed } ; la demande venait de { $address }.
error-key-limit-unknown-address = une adresse que le serveur n’a pas pu déterminer
error-key-limit-not-yet = Cette clé fonctionne à partir du { $date } ; elle ne peut pas servir avant.
error-limit-roles = Choisissez au moins un rôle que cette clé peut accorder.
error-limit-fixed-attribute = La valeur fixée de « { $given } » doit être un texte, un nombre ou vrai/faux (256 octets au plus), et son nom des lettres, chiffres, _, - ou .
error-limit-lifetime = La durée maximale d’un jeton doit aller de 1 minute à 24 heures.
error-limit-network = « { $given } » n’est pas un réseau. Écrivez une adresse IP, ou une plage comme 203.0.113.0/24 ou 2001:db8::/32.
error-limit-rate = Le nombre de demandes par minute doit être d’au moins 1.
error-limit-other = Cette limite ne peut pas être réglée ainsi : { $given }.

## A key's limits in a few words (list, details, command line)
limits-full-access = Accès complet
limits-no-permission = Aucune permission
limits-view-only = Lecture seule
limits-view-and-ai = Lecture et questions à l’IA
limits-some-permissions = Certaines permissions
limits-roles = { $roles } uniquement
limits-lifetime = jetons de { $minutes } min au plus
limits-networks = { $count ->
        [one] 1 réseau
       *[other] { $count } réseaux
    }
limits-rate = { $count }/min
limits-from = à partir du { $date }
error-server-key-revoked = Le serveur refuse cette clé d’API : elle y a été révoquée.
error-server-key-revoked-on = Le serveur refuse cette clé d’API : elle y a été révoquée le { $date }.
error-server-key-expired = Le serveur refuse cette clé d’API : elle a expiré. Renouvelez-la pour obtenir une clé qui fonctionne.
error-server-key-expired-on = Le serveur refuse cette clé d’API : elle a expiré le { $date }. Renouvelez-la pour obtenir une clé qui fonctionne.
error-server-key-unknown = Cette clé d’API n’est pas enregistrée sur ce serveur.
error-server-rate-limited = Trop de demandes avec cette clé d’API. Attendez une minute et réessayez.
error-server-request-timeout = La demande a mis trop de temps à arriver au serveur. Envoyez-la de nouveau.
error-server-internal = Le serveur n’a pas pu traiter la demande. Réessayez ; si l’échec se répète, la personne qui gère le serveur en trouvera la cause dans son journal.
error-server-redirected = Le serveur { $host } a répondu par une redirection vers { $location }. Toucan Keys ne suit pas les redirections : rien n’y a été envoyé. Si le serveur a déménagé, connectez-vous à sa nouvelle adresse.
error-server-bad-response = Le serveur { $host } a envoyé une réponse que Toucan Keys ne comprend pas (HTTP { $status }). Vérifiez que l’adresse mène à un serveur d’intégration Toucan.
error-update-not-configured = Cette copie de Toucan Keys ne recherche pas de mises à jour. Téléchargez les nouvelles versions sur toucanai.cloud.
error-update-unreachable = Toucan Keys n’a pas pu joindre son serveur de mises à jour ({ $detail }). Vérifiez votre connexion à Internet et réessayez plus tard ; votre version actuelle continue de fonctionner.
error-update-bad-feed = La réponse du serveur de mises à jour est inutilisable ({ $detail }). Réessayez plus tard ; votre version actuelle continue de fonctionner.
error-update-signature-invalid = Cette mise à jour n’est pas signée par Toucan AI : elle n’a pas été installée. Votre version actuelle continue de fonctionner. Si cela se reproduit, téléchargez Toucan Keys sur toucanai.cloud.
error-update-nothing-to-install = Il n’y a pas de mise à jour à installer. Recherchez d’abord les mises à jour.
error-update-authentication-cancelled = La mise à jour n’a pas été installée car la demande de mot de passe de votre ordinateur a été annulée. Réessayez quand vous serez prêt.
error-update-install-failed = La mise à jour a été téléchargée et vérifiée, mais n’a pas pu être installée ({ $detail }). Votre version actuelle continue de fonctionner ; réessayez, ou installez la nouvelle version depuis toucanai.cloud.

# L’historique d’une clé (le détail dans la fenêtre et `toucan-keys-cli details`)
activity-created = Créée
activity-copied = Copiée dans le presse-papiers
activity-token-generated = Jeton de session généré pour { $user }
activity-renamed = Renommée de « { $from } » en « { $to } »
activity-rolled-into = Renouvelée : une nouvelle clé la remplace
activity-rolled-from = Créée en renouvelant une clé plus ancienne
activity-revoked = Révoquée
activity-restored = Restaurée depuis votre trousseau
activity-origins-changed = Limitée à { $origins }
activity-origins-any = Autorisée sur toutes les adresses web
activity-limits-changed = Limites modifiées
activity-registered = Enregistrée sur { $server }
activity-found-in-public = Trouvée en public à l’adresse { $url }
activity-found-in-public-revoked = Trouvée en public à l’adresse { $url } ; le serveur l’a révoquée

## L’état d’une clé, dans les mots de la fenêtre (colonne STATUS de la ligne de commande)

status-active = Active
status-expiresSoon = Expire bientôt
status-retiring = En retrait
status-expired = Expirée
status-revoked = Révoquée
status-missing = Absente du trousseau
status-leaked = Divulguée

# Communs avec la fenêtre, mot pour mot (un test les compare à ui/src/locales)
revoke-title = Révoquer « { $name } » ?
revoke-message = Les applications qui utilisent cette clé cessent de fonctionner immédiatement, et son secret est supprimé de votre trousseau. Cette action est irréversible.
revoked-toast = « { $name } » a été révoquée.
delete-title = Supprimer « { $name } » ?
delete-message = Cette clé révoquée et son historique seront retirés de la liste de cet ordinateur. Cette action est irréversible.
deleted = « { $name } » a été supprimée, avec son historique.
found-delete-title = Supprimer « { $name } » de votre trousseau ?
found-delete-message = Son secret quitte définitivement le trousseau de cet ordinateur, et elle est révoquée sur le serveur où elle était enregistrée. Tout ce qui utilise encore cette clé cesse de fonctionner. C’est irréversible.
found-deleted = « { $name } » a été supprimée de votre trousseau.

# La ligne de commande (toucan-keys-cli)
cli-limits = Limites : { $summary }
cli-limits-of = « { $name } » : { $summary }
cli-scan-none = Aucune clé Toucan trouvée.
cli-hook-added = Ajouté à { $hook } : chaque commit est d’abord fouillé à la recherche de clés Toucan.
cli-hook-present = { $hook } fouille déjà chaque commit à la recherche de clés Toucan.
cli-roll-old-until = « { $name } » fonctionne jusqu’au { $date }, puis est révoquée.
cli-renamed = Renommée en « { $name } ».
cli-yes-no = [o/N]
cli-yes-no-default-yes = [O/n]
cli-answer-yes = o, oui, y, yes
cli-nothing-revoked = Rien n’a été révoqué.
cli-nothing-deleted = Rien n’a été supprimé.
cli-origins-any = « { $name } » peut être utilisée depuis n’importe où.
cli-origins-only = « { $name } » ne peut être utilisée que depuis { $origins }.
cli-restored = « { $name } » est de retour dans votre liste ({ $hint }). Ses dates de création et d’expiration sont inconnues.
cli-stdin-unreadable = L’entrée standard n’a pas pu être lue ({ $error }).
cli-found-none = Votre trousseau ne contient aucune clé que la liste de cet ordinateur ne connaît pas.
cli-found-count = Trouvées dans votre trousseau : { $count ->
    [one] 1 clé
   *[other] { $count } clés
} que la liste de cet ordinateur ne connaît pas.
cli-found-not-a-key = (pas une clé valide)
cli-found-no-name = (sans nom)
cli-found-howto = Pour en restaurer une : toucan-keys-cli restore <id>. Pour en supprimer une : toucan-keys-cli delete <id>
cli-copied-clears = « { $name } » copiée. Le presse-papiers est vidé dans { $seconds } s, sauf si vous copiez autre chose ; Ctrl+C le vide tout de suite.
cli-copied-stays = « { $name } » copiée. Elle y reste jusqu’à ce que vous copiiez autre chose ; Ctrl+C la retire et termine cette commande.
cli-shown-once = Toucan Keys n’affichera plus cette clé en entier. Cet ordinateur peut encore la copier plus tard depuis son trousseau : toucan-keys-cli copy { $id }
cli-created = « { $name } » créée ({ $hint }).
cli-copy-now = La copier dans le presse-papiers maintenant ? Elle ne sera plus affichée.
cli-not-copied = Non copiée. Cet ordinateur peut la copier plus tard depuis son trousseau : toucan-keys-cli copy { $id }
cli-no-keys = Aucune clé pour l’instant. Pour en créer une : toucan-keys-cli create --name "Backend de production"
cli-column-name = NOM
cli-column-key = CLÉ
cli-column-status = ÉTAT
cli-column-created = CRÉÉE
cli-column-expires = EXPIRE
cli-column-limits = LIMITES
cli-unknown = inconnue
cli-never = jamais
cli-detail-name = Nom
cli-detail-key = Clé
cli-detail-status = État
cli-detail-fingerprint = Empreinte
cli-detail-created = Créée
cli-detail-restored-on = inconnue (restaurée le { $date })
cli-detail-expires = Expire
cli-detail-limits = Limites
cli-detail-origins = Adresses web
cli-detail-any-origin = toutes
cli-detail-revoked = Révoquée
cli-detail-replaces = Remplace
cli-detail-replaced-by = Remplacée par
cli-detail-found-in-public = Trouvée en public
cli-detail-found-at = { $url } le { $date }
cli-activity-title = Activité, la plus récente d’abord :
cli-activity-none = Rien d’enregistré pour l’instant.
cli-no-data-folder = Cet utilisateur n’a pas de dossier de données (définissez HOME ou XDG_DATA_HOME).
cli-no-config-folder = Cet utilisateur n’a pas de dossier de configuration (définissez HOME ou XDG_CONFIG_HOME).

# L’aide de la ligne de commande, --help (crates/cli/src/help.rs)
cli-help-usage = Utilisation :
cli-help-commands = Commandes
cli-help-options = Options
cli-help-arguments = Arguments
cli-help-flag = Afficher l’aide
cli-version-flag = Afficher la version
cli-help-examples =
    Exemples :
      toucan-keys-cli list
      toucan-keys-cli create --name "Backend de production" --expires 90d
      toucan-keys-cli create --name "Tableaux Acme" --preset show-dashboards --customer tenant=acme
      toucan-keys-cli limits "Tableaux Acme" --preset show-dashboards --customer tenant=acme --network 203.0.113.0/24
      toucan-keys-cli run --key "Backend de production" -- npm start
      toucan-keys-cli run --key key_3XkP9mQ2 --env TOUCAN_API_KEY -- ./server --port 8080
      toucan-keys-cli token --key "Backend de production" --user user-42 --role explorer \
          --attr region=EMEA --permission dashboard:can_view --lifetime 1h
      echo "$PASTED_KEY" | toucan-keys-cli identify
      toucan-keys-cli list --found
      toucan-keys-cli restore key_3XkP9mQ2

    Une clé se désigne par son nom ou son identifiant (key_…). Les clés sont dans le trousseau de votre
    ordinateur, partagé avec l’app Toucan Keys ; les deux peuvent tourner en même temps.

    Codes de sortie : 0 réussite, 1 échec, 2 usage, 3 trousseau verrouillé, 4 clé introuvable, 5 clé révoquée,
    expirée ou divulguée ; `run` sort avec le code de la commande (128 + N quand le signal N l’a arrêtée).
cli-about = Vos clés d’API Toucan, depuis le terminal : les mêmes clés que l’app Toucan Keys
cli-about-completions = Imprime les complétions pour le shell
cli-about-copy = Copie une clé dans le presse-papiers, vidé après votre délai (s’il contient encore la clé) ; attend jusque-là
cli-about-create = Crée une clé. Son secret est montré une fois : imprimé quand la sortie n’est pas un terminal (ou avec --show) ; dans un terminal, proposé pour le presse-papiers
cli-about-delete = Supprime de la liste une clé révoquée, ou une clé trouvée dans votre trousseau (`list --found`) : son secret quitte le trousseau et elle est révoquée
cli-about-details = Tout ce qu’on sait d’une clé, et son historique
cli-about-hook = Crochets Git : `hook install` ajoute `scan --staged` au crochet pre-commit de ce dépôt (un crochet déjà présent est gardé)
cli-about-hook-install = Ajoute la recherche de l’index à .git/hooks/pre-commit
cli-about-identify = Lit une clé sur l’entrée standard et dit laquelle de vos clés c’est
cli-about-limits = Change ce que les jetons d’une clé peuvent porter et qui peut les demander, ici et sur votre serveur d’espace de travail (les options de `create` ; aucune : accès complet)
cli-about-list = Liste vos clés, les plus récentes d’abord (jamais leurs secrets)
cli-about-origins = Limite les jetons de session d’une clé à ces origines web (aucune : partout), ici et sur votre serveur d’espace de travail
cli-about-rename = Donne un nouveau nom à une clé
cli-about-restore = Remet dans la liste une clé trouvée dans votre trousseau, de nouveau utilisable
cli-about-revoke = Révoque une clé : elle cesse de fonctionner, ici et sur votre serveur d’espace de travail
cli-about-roll = Fait la remplaçante d’une clé (même nom, expiration et serveur) et l’imprime une fois, comme `create` ; l’ancienne clé fonctionne pendant le chevauchement, puis est révoquée
cli-about-run = Lance une commande avec une clé dans son environnement, directement depuis le trousseau : jamais sur le disque, jamais sur une ligne de commande
cli-about-scan = Cherche des clés Toucan dans des fichiers et dossiers (en suivant .gitignore), ou dans ce que `git commit` validerait (--staged), et dit laquelle de vos clés est chacune, jamais la clé elle-même. Sort avec 1 quand une est trouvée
cli-about-token = Demande un jeton de session à votre serveur d’espace de travail, avec la clé du trousseau
cli-arg-completions-shell = bash, zsh, fish, elvish ou powershell
cli-arg-create-expires = 30d, 60d, 90d, une date (AAAA-MM-JJ) ou never
cli-arg-create-name = Le nom de la clé (1 à 64 caractères, unique parmi les clés actives)
cli-arg-create-origins = Une origine web d’où ses jetons de session peuvent être utilisés (répétable), par exemple https://shop.example.com ; aucune : partout
cli-arg-create-show = Imprimer la clé même dans un terminal
cli-arg-customer = Le client à qui une clé show-dashboards est destinée, en attribut=valeur, par exemple tenant=acme : chaque jeton le porte
cli-arg-fixed-attributes = Un attribut que chaque jeton porte, nom=valeur (répétable)
cli-arg-json = En JSON, pour les scripts
cli-arg-key = Le nom ou l’identifiant de la clé
cli-arg-list-found = À la place, les clés trouvées dans votre trousseau que la liste de cet ordinateur ne connaît pas (sa liste a été déplacée ou perdue) : restaurez-les ou supprimez-les
cli-arg-max-lifetime = La plus longue durée d’un jeton : 15m, 1h, 24h
cli-arg-networks = Un réseau client qui peut demander des jetons, CIDR ou une adresse (répétable)
cli-arg-not-before = Le premier jour où elle fonctionne (AAAA-MM-JJ, minuit UTC)
cli-arg-origins-origins = Les origines web, par exemple https://shop.example.com
cli-arg-permissions = Le plus qu’un jeton peut obtenir sur une ressource, ressource:niveau (répétable) ; aucun : toute permission
cli-arg-preset = show-dashboards (explorer, lecture seule, un client : donnez --customer), ai-assistant (explorer, lecture et ai:can_query), ou full-access (par défaut)
cli-arg-rate = Ses propres demandes de jetons par minute
cli-arg-rename-new-name = Le nouveau nom
cli-arg-restore-key = L’identifiant de la clé trouvée (key_…), tel que `list --found` l’affiche
cli-arg-roles = Un rôle que ses jetons peuvent porter (répétable) ; aucun : n’importe lequel
cli-arg-roll-overlap = Combien de temps l’ancienne clé continue de fonctionner : 24h, 1h, 7d, ou now (une clé divulguée)
cli-arg-roll-show = Imprimer la nouvelle clé même dans un terminal
cli-arg-run-command = La commande et ses arguments, après `--`
cli-arg-run-env = La variable d’environnement qui contient la clé (pas une qui change la façon dont les programmes se chargent ou s’exécutent, comme PATH ou LD_PRELOAD)
cli-arg-run-no-masking = Montrer la clé si la commande l’imprime. Par défaut elle est remplacée par <concealed by toucan-keys> dans la sortie de la commande, et une commande lancée dans un terminal a son propre terminal (elle garde ses couleurs et ses invites)
cli-arg-scan-json = En JSON, pour les outils
cli-arg-scan-paths = Les fichiers et dossiers où chercher ; aucun : ce dossier
cli-arg-scan-staged = Chercher plutôt dans ce qui est indexé pour le prochain commit
cli-arg-token-attributes = Un attribut de sécurité au niveau des lignes, nom=valeur (répétable)
cli-arg-token-json = Le jeton et ses revendications décodées en JSON
cli-arg-token-lifetime = La durée du jeton : 15m, 1h, 24h (de 1 minute à 24 heures)
cli-arg-token-origin = L’origine web de la page à qui le jeton est destiné (nécessaire quand la clé est limitée à des origines), par exemple https://shop.example.com
cli-arg-token-permissions = ressource:niveau, par exemple dashboard:can_view (répétable). Sans cela, ceux du rôle, comme la fenêtre les coche : un explorer voit les tableaux de bord et les graphiques, un maker les modifie aussi et interroge les bases de données, un admin a tous les niveaux
cli-arg-token-role = explorer, maker ou admin
cli-arg-token-user = L’identifiant de l’utilisateur final dans votre propre système
cli-arg-yes = Ne pas demander d’abord
