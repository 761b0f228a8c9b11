/**
 * Why a center-mode request could not be done, as a code the screens switch on and one
 * plain sentence per language. Main sends the code and the English sentence; a screen
 * shows the sentence for its own language. No imports: the renderer may load this alone.
 */
export const CENTER_PROBLEMS = {
  unavailable: {
    en: 'Center mode is not available in the browser. Use the desktop app to connect to a center.',
    es: 'El modo de centro no está disponible en el navegador. Use la aplicación de escritorio para conectarse a un centro.',
  },
  'not-set-up': {
    en: 'This computer is not connected to a center yet. Enter the connection details first.',
    es: 'Esta computadora todavía no está conectada a un centro. Primero escriba los datos de conexión.',
  },
  'counselor-locked': {
    en: 'Open the counselor area with the passcode first.',
    es: 'Primero abra el área de consejeros con el código.',
  },
  'invalid-settings': {
    en: 'Some connection details are missing or not in the right form. Check each box.',
    es: 'Faltan algunos datos de conexión o no tienen la forma correcta. Revise cada casilla.',
  },
  'server-not-found': {
    en: 'No server with that name was found. Check the server name, or ask center IT staff.',
    es: 'No se encontró ningún servidor con ese nombre. Revise el nombre del servidor o pregunte al personal de informática del centro.',
  },
  'server-refused': {
    en: 'The server did not answer on that port. Check the port number, and that the database server is running.',
    es: 'El servidor no respondió en ese puerto. Revise el número de puerto y que el servidor de base de datos esté en marcha.',
  },
  'server-unreachable': {
    en: 'The server could not be reached. Check the network connection; your work is kept on this computer.',
    es: 'No se pudo llegar al servidor. Revise la conexión a la red; su trabajo se guarda en esta computadora.',
  },
  'connection-lost': {
    en: 'The connection to the server was lost. Your work is kept on this computer and will be sent later.',
    es: 'Se perdió la conexión con el servidor. Su trabajo se guarda en esta computadora y se enviará más tarde.',
  },
  'wrong-login': {
    en: 'The user name or password is not right. Check both, or ask center IT staff.',
    es: 'El nombre de usuario o la contraseña no son correctos. Revise los dos o pregunte al personal de informática del centro.',
  },
  'login-refused': {
    en: 'The server does not let this user sign in from this computer. Ask center IT staff.',
    es: 'El servidor no deja entrar a este usuario desde esta computadora. Pregunte al personal de informática del centro.',
  },
  'encryption-required': {
    en: 'The server only accepts encrypted connections. Choose "Encrypt when the server offers it" or "Always encrypt".',
    es: 'El servidor solo acepta conexiones cifradas. Elija "Cifrar cuando el servidor lo ofrezca" o "Cifrar siempre".',
  },
  'encryption-not-offered': {
    en: 'The server does not offer encrypted connections, and this setting requires them. Ask center IT staff to turn on TLS.',
    es: 'El servidor no ofrece conexiones cifradas y esta opción las exige. Pida al personal de informática del centro que active TLS.',
  },
  'certificate-not-trusted': {
    en: "The server's certificate is not trusted. Paste the center's certificate, or ask center IT staff.",
    es: 'El certificado del servidor no es de confianza. Pegue el certificado del centro o pregunte al personal de informática del centro.',
  },
  'certificate-wrong-name': {
    en: "The server's certificate is for a different server name. Check the server name.",
    es: 'El certificado del servidor es para otro nombre de servidor. Revise el nombre del servidor.',
  },
  'certificate-expired': {
    en: "The server's certificate has expired. Ask center IT staff to renew it.",
    es: 'El certificado del servidor está vencido. Pida al personal de informática del centro que lo renueve.',
  },
  'database-not-found': {
    en: 'There is no database with that name on the server. Check the database name.',
    es: 'No hay ninguna base de datos con ese nombre en el servidor. Revise el nombre de la base de datos.',
  },
  'not-a-center-database': {
    en: 'That database has not been set up for centers yet. Ask center IT staff to run the setup command.',
    es: 'Esa base de datos todavía no está preparada para centros. Pida al personal de informática del centro que ejecute el comando de preparación.',
  },
  'schema-too-old': {
    en: "The center's database needs an update before this version of the app can use it. Ask center IT staff.",
    es: 'La base de datos del centro necesita una actualización antes de que esta versión de la aplicación pueda usarla. Pregunte al personal de informática del centro.',
  },
  'schema-too-new': {
    en: "The center's database was updated for a newer version of the app. Update this app.",
    es: 'La base de datos del centro se actualizó para una versión más nueva de la aplicación. Actualice esta aplicación.',
  },
  'not-registered': {
    en: 'This user is not registered at a center, or is not allowed to do this. Ask center IT staff.',
    es: 'Este usuario no está registrado en un centro o no tiene permiso para hacer esto. Pregunte al personal de informática del centro.',
  },
  'too-many-connections': {
    en: 'The server is too busy to take another connection right now. Try again in a few minutes.',
    es: 'El servidor está demasiado ocupado para otra conexión en este momento. Vuelva a intentarlo en unos minutos.',
  },
  'timed-out': {
    en: 'The server took too long to answer. Try again; your work is kept on this computer.',
    es: 'El servidor tardó demasiado en responder. Vuelva a intentarlo; su trabajo se guarda en esta computadora.',
  },
  'changed-again': {
    en: 'This record changed again on another computer. Look at both copies again, then choose.',
    es: 'Este registro cambió otra vez en otra computadora. Vuelva a mirar las dos copias y luego elija.',
  },
  'not-found': {
    en: 'That record is not in this center, or it was already dealt with.',
    es: 'Ese registro no está en este centro o ya se resolvió.',
  },
  'waiting-changes': {
    en: 'This client has changes on this computer that are not sent yet. Send them first.',
    es: 'Este cliente tiene cambios en esta computadora que todavía no se enviaron. Envíelos primero.',
  },
  'record-in-other-center': {
    en: 'A record on this computer belongs to another center, so it cannot be sent to this one. Ask center IT staff.',
    es: 'Un registro de esta computadora pertenece a otro centro, así que no se puede enviar a este. Pregunte al personal de informática del centro.',
  },
  'no-secure-storage': {
    en: 'This computer has no secure place to keep the password, so it was not saved.',
    es: 'Esta computadora no tiene un lugar seguro para guardar la contraseña, así que no se guardó.',
  },
  unexpected: {
    en: 'Something went wrong while talking to the center. Try again; your work is kept on this computer.',
    es: 'Algo salió mal al comunicarse con el centro. Vuelva a intentarlo; su trabajo se guarda en esta computadora.',
  },
} as const satisfies Record<string, { en: string; es: string }>

export type CenterProblem = keyof typeof CENTER_PROBLEMS

/** An expected refusal: a code for the screen, and the English sentence. */
export interface CenterRefusal {
  ok: false
  reason: CenterProblem
  message: string
}

export function centerRefusal(reason: CenterProblem): CenterRefusal {
  return { ok: false, reason, message: CENTER_PROBLEMS[reason].en }
}
